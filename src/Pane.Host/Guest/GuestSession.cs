using Pane.Host.Machines;
using Pane.Runtimes;

namespace Pane.Host.Guest;

/// <summary>
/// A machine with its root shell open. Disposing it without <see cref="PowerOffAsync"/> (after a failure) still
/// powers off a machine the session booted, so nothing is left running.
/// </summary>
internal sealed class GuestSession : IAsyncDisposable
{
    private readonly MachineStore _store;
    private readonly TimeSpan _grace;
    private bool _poweredOff;

    public GuestSession(IVirtualMachine machine, GuestShell shell, GuestTranscript transcript, bool booted, MachineStore store, TimeSpan grace)
    {
        Machine = machine;
        Shell = shell;
        Transcript = transcript;
        Booted = booted;
        _store = store;
        _grace = grace;
    }

    /// <summary>Gets the machine.</summary>
    public IVirtualMachine Machine { get; }

    /// <summary>Gets its root shell.</summary>
    public GuestShell Shell { get; }

    /// <summary>Gets the session's transcript.</summary>
    public GuestTranscript Transcript { get; }

    /// <summary>Gets a value indicating whether the session booted the machine (rather than finding it running).</summary>
    public bool Booted { get; }

    /// <summary>Flushes the guest's filesystems, then powers it off with the ACPI power button so the root overlay holds every change.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>How the machine stopped.</returns>
    /// <exception cref="GuestStepFailedException">The guest could not flush its filesystems.</exception>
    public async Task<ShutdownResult> PowerOffAsync(CancellationToken cancellationToken)
    {
        await Shell.RunCheckedAsync(new GuestStep { Title = "Flush the filesystems", Script = "sync" }, null, cancellationToken).ConfigureAwait(false);
        Transcript.Note("powering off");
        var result = await Machine.ShutdownAsync(_grace, cancellationToken).ConfigureAwait(false);
        _poweredOff = true;
        _store.Delete(Machine.Record.Name);
        Transcript.Note($"powered off: {result.Method} after {result.Waited}");
        return result;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Shell.DisposeAsync().ConfigureAwait(false);
        if (!_poweredOff && Booted)
        {
            Transcript.Note("the session failed: powering off the machine it booted");
            await Machine.ShutdownAsync(_grace, CancellationToken.None).ConfigureAwait(false);
            _store.Delete(Machine.Record.Name);
        }

        await Machine.DisposeAsync().ConfigureAwait(false);
        Transcript.Dispose();
    }
}
