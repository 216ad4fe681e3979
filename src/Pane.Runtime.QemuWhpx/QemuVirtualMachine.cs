using Pane.Platform;
using System.Diagnostics;
using Pane.Runtime.QemuWhpx.Console;
using Pane.Runtime.QemuWhpx.Machine;
using Pane.Runtime.QemuWhpx.Qmp;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx;

/// <summary>A running QEMU machine, driven through QMP and its serial console.</summary>
internal sealed class QemuVirtualMachine : IVirtualMachine
{
    private static readonly TimeSpan s_exitPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_controlCheck = TimeSpan.FromSeconds(1);

    private readonly QmpClient _control;
    private readonly SerialConsole _console;
    private readonly BootMilestoneDetector _detector = new();
    private readonly List<BootMilestone> _milestones = [];
    private readonly Task _exited;

    /// <summary>Initializes a new instance of the <see cref="QemuVirtualMachine"/> class.</summary>
    /// <param name="record">The machine's record; it must carry the QEMU process id and start time.</param>
    /// <param name="control">A connected QMP client.</param>
    /// <param name="console">A connected serial console.</param>
    public QemuVirtualMachine(VirtualMachineRecord record, QmpClient control, SerialConsole console)
    {
        Record = record;
        _control = control;
        _console = console;
        _console.LineReceived += OnLine;
        _exited = WatchForExitAsync();
    }

    /// <inheritdoc/>
    public event EventHandler<BootMilestone>? MilestoneReached;

    /// <inheritdoc/>
    public VirtualMachineRecord Record { get; }

    /// <inheritdoc/>
    public VirtualMachineState State => _exited.IsCompleted ? VirtualMachineState.Stopped : VirtualMachineState.Running;

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
        if (_exited.IsCompleted)
        {
            return new ShutdownResult(ShutdownMethod.AlreadyStopped, TimeSpan.Zero);
        }

        var waited = Stopwatch.StartNew();
        try
        {
            await _control.ExecuteAsync("system_powerdown", null, cancellationToken).ConfigureAwait(false);
        }
        catch (QmpException)
        {
            // The control channel closed: QEMU is already on its way out, which the wait below sees.
        }

        try
        {
            await _exited.WaitAsync(grace, cancellationToken).ConfigureAwait(false);
            return new ShutdownResult(ShutdownMethod.AcpiPowerdown, waited.Elapsed);
        }
        catch (TimeoutException)
        {
            Kill();
            await _exited.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new ShutdownResult(ShutdownMethod.Killed, waited.Elapsed);
        }
    }

    /// <inheritdoc/>
    public async Task<int?> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _console.LineReceived -= OnLine;
        await _console.DisposeAsync().ConfigureAwait(false);
        await _control.DisposeAsync().ConfigureAwait(false);
    }

    private void OnLine(string line)
    {
        foreach (var kind in _detector.Observe(line))
        {
            var milestone = new BootMilestone(kind, DateTimeOffset.UtcNow - Record.StartedAt, line);
            lock (_milestones)
            {
                _milestones.Add(milestone);
            }

            MilestoneReached?.Invoke(this, milestone);
        }
    }

    private async Task WatchForExitAsync()
    {
        var processId = Record.ProcessId!.Value;
        var startTime = Record.ProcessStartTime!.Value;
        var controlClosed = _control.Events.Completion;
        while (ProcessIdentity.IsRunning(processId, startTime))
        {
            var wait = controlClosed.IsCompleted ? s_exitPoll : s_controlCheck;
            await Task.WhenAny(controlClosed, Task.Delay(wait)).ConfigureAwait(false);
        }
    }

    private void Kill()
    {
        try
        {
            using var process = Process.GetProcessById(Record.ProcessId!.Value);
            if (ProcessIdentity.IsRunning(process.Id, Record.ProcessStartTime!.Value))
            {
                process.Kill();
            }
        }
        catch (ArgumentException)
        {
            // Gone already.
        }
    }
}
