using Pane.Platform;
using Pane.Runtime.Native.Console;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Machine;

/// <summary>
/// A native machine seen from another process than the <c>pane launch</c> that runs it: its console through the
/// machine's console socket, and the same stop as in the launching process (<c>poweroff</c> typed on the console,
/// then, after the grace period, the launching process ended, which ends its machine). The machine has booted
/// already, so no milestones come.
/// </summary>
internal sealed class AttachedNativeMachine : IVirtualMachine
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConsoleSocketClient _console;
    private readonly int _processId;
    private readonly DateTimeOffset _processStartTime;

    /// <summary>Initializes a new instance of the <see cref="AttachedNativeMachine"/> class.</summary>
    /// <param name="record">The machine's record, with the launching process's id and start time.</param>
    /// <param name="console">The connected console.</param>
    public AttachedNativeMachine(VirtualMachineRecord record, ConsoleSocketClient console)
    {
        Record = record;
        _console = console;
        _processId = record.ProcessId ?? throw new ArgumentException("The record names no process.", nameof(record));
        _processStartTime = record.ProcessStartTime ?? throw new ArgumentException("The record names no process start time.", nameof(record));
    }

    /// <inheritdoc/>
    public event EventHandler<BootMilestone>? MilestoneReached
    {
        add
        {
            // An attached machine has booted already: no milestone comes.
        }

        remove
        {
            // Nothing was added.
        }
    }

    /// <inheritdoc/>
    public VirtualMachineRecord Record { get; }

    /// <inheritdoc/>
    public VirtualMachineState State => IsRunning ? VirtualMachineState.Running : VirtualMachineState.Stopped;

    /// <inheritdoc/>
    public ISerialConsole Console => _console.Console;

    /// <inheritdoc/>
    public IReadOnlyList<BootMilestone> Milestones => [];

    private bool IsRunning => ProcessIdentity.IsRunning(_processId, _processStartTime);

    /// <inheritdoc/>
    public async Task<ShutdownResult> ShutdownAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!IsRunning)
        {
            return new ShutdownResult(ShutdownMethod.AlreadyStopped, TimeSpan.Zero);
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        await Console.WriteLineAsync("poweroff", cancellationToken).ConfigureAwait(false);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(grace);
        try
        {
            await WaitForExitAsync(patience.Token).ConfigureAwait(false);
            return new ShutdownResult(ShutdownMethod.ConsolePoweroff, waited.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            EndLaunchingProcess();
            await WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return new ShutdownResult(ShutdownMethod.Killed, waited.Elapsed);
        }
    }

    /// <inheritdoc/>
    public async Task<int?> WaitForExitAsync(CancellationToken cancellationToken)
    {
        while (IsRunning)
        {
            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _console.DisposeAsync();

    private void EndLaunchingProcess()
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(_processId);
            if (IsRunning)
            {
                process.Kill();
            }
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited meanwhile.
        }
    }
}
