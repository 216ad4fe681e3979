using System.Globalization;

namespace Pane.Host.Platform.Kvm;

/// <summary>
/// Follows the exits of <see cref="KvmSmokeGuest"/> and decides whether it ran as written: a progress write per
/// chunk, then <see cref="KvmSmokeGuest.ResultValue"/> on <see cref="KvmSmokeGuest.ResultPort"/>, then HLT.
/// </summary>
internal sealed class KvmSmokeGuestMonitor
{
    private bool _resultSeen;

    /// <summary>Gets how many chunks the guest has reported finished.</summary>
    public int CompletedChunks { get; private set; }

    /// <summary>Gets what went wrong, once <see cref="Observe"/> returned <see cref="KvmSmokeGuestStep.Failed"/>.</summary>
    public string? Failure { get; private set; }

    /// <summary>Takes the next exit of the guest.</summary>
    /// <param name="exit">The exit.</param>
    /// <returns>Whether to run the guest again, or the verdict.</returns>
    public KvmSmokeGuestStep Observe(KvmExit exit)
    {
        if (Failure is not null)
        {
            return KvmSmokeGuestStep.Failed;
        }

        if (_resultSeen)
        {
            return exit.Reason == KvmExitReason.Halt ? KvmSmokeGuestStep.Passed : Fail($"it ended with {exit} instead of HLT");
        }

        if (exit is { Reason: KvmExitReason.Io, IsIoWrite: true, IoSize: 1, IoPort: KvmSmokeGuest.ProgressPort }
            && CompletedChunks < KvmSmokeGuest.Chunks)
        {
            CompletedChunks++;
            return KvmSmokeGuestStep.Continue;
        }

        if (exit is { Reason: KvmExitReason.Io, IsIoWrite: true, IoSize: 1, IoPort: KvmSmokeGuest.ResultPort, IoData: KvmSmokeGuest.ResultValue }
            && CompletedChunks == KvmSmokeGuest.Chunks)
        {
            _resultSeen = true;
            return KvmSmokeGuestStep.Continue;
        }

        return Fail(string.Create(
            CultureInfo.InvariantCulture,
            $"after {CompletedChunks} of {KvmSmokeGuest.Chunks} chunks of work it stopped with {exit}"));
    }

    private KvmSmokeGuestStep Fail(string failure)
    {
        Failure = failure;
        return KvmSmokeGuestStep.Failed;
    }
}
