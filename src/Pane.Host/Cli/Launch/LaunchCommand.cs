using System.Globalization;
using System.Text.Json;
using Pane.Host.Cli.Image.Progress;
using Pane.Host.Cli.Output;
using Pane.Host.Cli.Workspace;
using Pane.Host.Machines;
using Pane.Machines;
using Pane.Runtimes;

namespace Pane.Host.Cli.Launch;

/// <summary><c>pane launch</c>: boots a machine, shows its boot timeline, then attaches, detaches or powers off.</summary>
internal sealed class LaunchCommand
{
    private readonly MachineLauncher _launcher;
    private readonly MachineStore _store;
    private readonly TerminalAttachment _terminal;
    private readonly CliConsole _console;
    private readonly WorkspaceActions _workspace;

    public LaunchCommand(MachineLauncher launcher, MachineStore store, TerminalAttachment terminal, CliConsole console, WorkspaceMaintenance workspace, IConfirmation confirmation)
    {
        _launcher = launcher;
        _store = store;
        _terminal = terminal;
        _console = console;
        _workspace = new WorkspaceActions(workspace, confirmation, console with { Output = console.Error });
    }

    /// <summary>Launches the machine.</summary>
    /// <param name="request">What to launch.</param>
    /// <param name="mode">What to do once the guest reached its login.</param>
    /// <param name="prepare">A workspace action to run on the machine's disks first (<c>--reset</c>, <c>--purge</c>, <c>--compact</c>), if any.</param>
    /// <param name="yes">Whether that action was confirmed up front.</param>
    /// <param name="keep">With <see cref="LaunchMode.Headless"/>: leave the machine running.</param>
    /// <param name="grace">How long the guest may take to power off.</param>
    /// <param name="json">Whether to write the report as JSON.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> ExecuteAsync(LaunchRequest request, LaunchMode mode, WorkspaceAction? prepare, bool yes, bool keep, TimeSpan grace, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (prepare is { } action && !await _workspace.RunAsync(action, request.Name, yes, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Failure;
        }

        if (request.Display == DisplayMode.Vnc)
        {
            request = request with { DisplayPassword = DisplayPasswords.Generate() };
        }

        var output = _console.Output;
        if (!json)
        {
            await output.WriteLineAsync($"Launching '{request.Name}' from {request.Image ?? "the default image"}").ConfigureAwait(false);
        }

        var imageProgress = new TransferProgressView(_console, json: false);
        request = request with { ImageProgress = imageProgress };

        IVirtualMachine machine;
        try
        {
            (machine, var runtime) = await _launcher.LaunchAsync(
                request,
                milestone =>
                {
                    imageProgress.Complete();
                    WriteMilestone(milestone, json);
                },
                cancellationToken).ConfigureAwait(false);
            if (!json)
            {
                await output.WriteLineAsync($"Runtime: {runtime.Provider.Id} ({runtime.Verdict})").ConfigureAwait(false);
                await output.WriteLineAsync(Timeline(machine.Milestones)).ConfigureAwait(false);
            }
        }
        catch (LaunchFailedException failure)
        {
            await _console.Error.WriteLineAsync($"The guest's last {failure.SerialTail.Count} console lines:").ConfigureAwait(false);
            foreach (var line in failure.SerialTail)
            {
                await _console.Error.WriteLineAsync($"  | {line}").ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            imageProgress.Complete();
        }

        await using (machine.ConfigureAwait(false))
        {
            var display = Display(machine.Record, request.DisplayPassword);
            if (!json && display is not null)
            {
                await output.WriteLineAsync($"Display: {display.Endpoint} (browser VNC client: {display.WebSocket}), password {display.Password}").ConfigureAwait(false);
                await output.WriteLineAsync("  The password is shown only now and stored nowhere; launch the machine again for a new one.").ConfigureAwait(false);
            }

            var stopped = await FinishAsync(machine, mode, keep, grace, json, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                JsonOutput.Write(output, Report(machine, stopped, display), JsonOutput.Context.LaunchReport);
            }

            return ExitCodes.Success;
        }
    }

    private async Task<ShutdownResult?> FinishAsync(IVirtualMachine machine, LaunchMode mode, bool keep, TimeSpan grace, bool json, CancellationToken cancellationToken)
    {
        var name = machine.Record.Name;
        switch (mode)
        {
            case LaunchMode.Headless when !keep:
                var stopped = await machine.ShutdownAsync(grace, cancellationToken).ConfigureAwait(false);
                _store.Delete(name);
                if (!json)
                {
                    await _console.Output.WriteLineAsync(Stop.StopCommand.Describe(name, stopped)).ConfigureAwait(false);
                }

                return stopped;
            case LaunchMode.Foreground:
                await _console.Output.WriteLineAsync($"Attached to the console of '{name}'; Ctrl+] detaches.").ConfigureAwait(false);
                if (await _terminal.AttachAsync(machine.Console, cancellationToken).ConfigureAwait(false))
                {
                    if (LivesInThisProcess(machine))
                    {
                        await _console.Output.WriteLineAsync().ConfigureAwait(false);
                        return await ServeUntilStoppedAsync(machine, json, cancellationToken).ConfigureAwait(false);
                    }

                    await _console.Output.WriteLineAsync($"\r\nDetached; 'pane console --name {name}' attaches again, 'pane stop --name {name}' stops it.").ConfigureAwait(false);
                    return null;
                }

                _store.Delete(name);
                return new ShutdownResult(ShutdownMethod.AlreadyStopped, TimeSpan.Zero);
            default:
                if (LivesInThisProcess(machine))
                {
                    return await ServeUntilStoppedAsync(machine, json, cancellationToken).ConfigureAwait(false);
                }

                if (!json)
                {
                    await _console.Output.WriteLineAsync($"Machine '{name}' runs; 'pane console --name {name}' attaches, 'pane stop --name {name}' stops it.").ConfigureAwait(false);
                }

                return null;
        }
    }

    /// <summary>Whether the machine runs inside this process (the native runtime's do), so that it ends when this process does.</summary>
    private static bool LivesInThisProcess(IVirtualMachine machine) => machine.Record.ProcessId == Environment.ProcessId;

    /// <summary>Keeps a machine that lives in this process running, detached from the terminal, until its guest powers off or someone stops it.</summary>
    private async Task<ShutdownResult> ServeUntilStoppedAsync(IVirtualMachine machine, bool json, CancellationToken cancellationToken)
    {
        var name = machine.Record.Name;
        if (!json)
        {
            await _console.Output.WriteLineAsync(
                $"Machine '{name}' runs inside this pane process, which keeps it running until the guest powers off: " +
                $"'pane console --name {name}' attaches, 'pane stop --name {name}' stops it; ending this process (Ctrl+C) ends the machine.").ConfigureAwait(false);
        }

        await machine.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        _store.Delete(name);
        if (!json)
        {
            await _console.Output.WriteLineAsync($"Machine '{name}' stopped.").ConfigureAwait(false);
        }

        return new ShutdownResult(ShutdownMethod.AlreadyStopped, TimeSpan.Zero);
    }

    private void WriteMilestone(BootMilestone milestone, bool json)
    {
        if (!json)
        {
            _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {milestone.Elapsed.TotalSeconds,7:0.0} s  {Describe(milestone.Kind)}"));
        }
    }

    private static string Timeline(IEnumerable<BootMilestone> milestones) =>
        "Boot timeline: " + string.Join(", ", milestones
            .OrderBy(milestone => milestone.Elapsed)
            .Select(milestone => string.Create(CultureInfo.InvariantCulture, $"{Describe(milestone.Kind)} {milestone.Elapsed.TotalSeconds:0.0} s")));

    private static string Describe(BootMilestoneKind kind) => kind switch
    {
        BootMilestoneKind.KernelStarted => "kernel started",
        BootMilestoneKind.InitramfsStarted => "initramfs started",
        BootMilestoneKind.RootMounted => "root filesystem mounted",
        BootMilestoneKind.InitExecuted => "init started",
        BootMilestoneKind.HomeMounted => "/home mounted",
        BootMilestoneKind.MultiUser => "multi-user target reached",
        _ => "login reached",
    };

    private static DisplayEntry? Display(VirtualMachineRecord record, string? password) =>
        record.DisplayEndpoint is { } endpoint ? new DisplayEntry(endpoint, record.DisplayWebSocketEndpoint, password) : null;

    private static LaunchReport Report(IVirtualMachine machine, ShutdownResult? stopped, DisplayEntry? display) => new(
        machine.Record.Name,
        machine.Record.RuntimeId,
        machine.Record.Accelerator,
        [.. machine.Milestones.Select(milestone => new TimelineEntry(JsonNamingPolicy.CamelCase.ConvertName(milestone.Kind.ToString()), Math.Round(milestone.Elapsed.TotalSeconds, 3)))],
        stopped is null ? null : new ShutdownEntry(JsonNamingPolicy.CamelCase.ConvertName(stopped.Method.ToString()), Math.Round(stopped.Waited.TotalSeconds, 3)),
        display);
}
