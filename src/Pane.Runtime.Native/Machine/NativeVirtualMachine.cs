using System.Diagnostics;
using Pane.Runtime.Native.Console;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Machine;

/// <summary>
/// A running native machine, inside the Pane process that started it: its console (served to other processes on
/// the state folder's socket), its milestones as the console shows them, and a shutdown that types <c>poweroff</c> on the console (the machine has no ACPI power button). The
/// guest's power-off enters the ACPI sleep state S5, which stops the machine; a guest that only says it halted, or
/// outlasts the grace period, has its vCPUs ended. Its console ends when the machine does.
/// </summary>
internal sealed class NativeVirtualMachine : IVirtualMachine
{
    private readonly NativeMachine _machine;
    private readonly NativeSerialConsole _console;
    private readonly ConsoleSocketServer _consoleServer;
    private readonly NativeBootMilestones _detector = new();
    private readonly List<BootMilestone> _milestones = [];
    private readonly Stopwatch _clock;

    /// <summary>Initializes a new instance of the <see cref="NativeVirtualMachine"/> class around a started machine.</summary>
    /// <param name="record">The machine's record.</param>
    /// <param name="machine">The machine.</param>
    /// <param name="console">Its console.</param>
    /// <param name="consoleServer">The console's socket, for other processes; closed with the machine.</param>
    /// <param name="clock">Started when the machine was.</param>
    public NativeVirtualMachine(VirtualMachineRecord record, NativeMachine machine, NativeSerialConsole console, ConsoleSocketServer consoleServer, Stopwatch clock)
    {
        Record = record;
        _machine = machine;
        _console = console;
        _consoleServer = consoleServer;
        _clock = clock;
        _console.LineReceived += OnLine;
        _machine.Exited.ContinueWith(exited => _console.Complete(ClosingLine(exited.Result)), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <inheritdoc/>
    public event EventHandler<BootMilestone>? MilestoneReached;

    /// <inheritdoc/>
    public VirtualMachineRecord Record { get; }

    /// <inheritdoc/>
    public VirtualMachineState State => _machine.Exited.IsCompleted ? VirtualMachineState.Stopped : VirtualMachineState.Running;

    /// <inheritdoc/>
    public ISerialConsole Console => _console;

    /// <inheritdoc/>
    public IReadOnlyList<BootMilestone> Milestones
    {
        get
        {
            lock (_milestones)
            {
                return [.. _milestones];
            }
        }
    }

    /// <inheritdoc/>
    public async Task<ShutdownResult> ShutdownAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (_machine.Exited.IsCompleted)
        {
            return new ShutdownResult(ShutdownMethod.AlreadyStopped, TimeSpan.Zero);
        }

        var waited = Stopwatch.StartNew();
        await _console.WriteLineAsync("poweroff", cancellationToken).ConfigureAwait(false);
        try
        {
            await _machine.Exited.WaitAsync(grace, cancellationToken).ConfigureAwait(false);
            return new ShutdownResult(ShutdownMethod.ConsolePoweroff, waited.Elapsed);
        }
        catch (TimeoutException)
        {
            _machine.Stop(MachineExit.Stopped);
            await _machine.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new ShutdownResult(ShutdownMethod.Killed, waited.Elapsed);
        }
    }

    /// <inheritdoc/>
    public async Task<int?> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var exit = await _machine.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        return exit.IsFailure ? 1 : 0;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _console.LineReceived -= OnLine;
        _machine.Dispose();
        await _console.DisposeAsync().ConfigureAwait(false);
        await _consoleServer.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The line the console ends with when the machine stopped by itself: why, since no process exit status tells it.</summary>
    private static string? ClosingLine(MachineExit exit) => exit.IsUnexpected ? $"[pane] The machine stopped: {exit.Reason.TrimEnd('.')}." : null;

    private void OnLine(string line)
    {
        if (NativeBootMilestones.IsPowerOff(line))
        {
            _machine.Stop(MachineExit.GuestPoweredOff);
        }

        foreach (var kind in _detector.Observe(line))
        {
            var milestone = new BootMilestone(kind, _clock.Elapsed, line);
            lock (_milestones)
            {
                _milestones.Add(milestone);
            }

            MilestoneReached?.Invoke(this, milestone);
        }
    }
}
