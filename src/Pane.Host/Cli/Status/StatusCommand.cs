using System.Globalization;
using Pane.Host.Cli.Output;
using Pane.Host.Machines;

namespace Pane.Host.Cli.Status;

/// <summary><c>pane status</c>: running, stopped or stale, with uptime, runtime, accelerator and endpoints (console, control, VNC display).</summary>
internal sealed class StatusCommand
{
    private readonly MachineController _machines;
    private readonly CliConsole _console;

    public StatusCommand(MachineController machines, CliConsole console)
    {
        _machines = machines;
        _console = console;
    }

    public Task<int> ExecuteAsync(string? name, bool json, CancellationToken cancellationToken)
    {
        var statuses = name is null ? _machines.StatusOfAll() : [_machines.StatusOf(name)];
        var entries = statuses.Select(status => new StatusEntry(
            status.Name,
            status.State.ToString().ToLowerInvariant(),
            status.Record?.RuntimeId,
            status.Record?.Accelerator,
            status.Record?.ProcessId,
            status.Uptime is { } uptime ? Math.Round(uptime.TotalSeconds, 1) : null,
            status.Record?.ControlEndpoint,
            status.Record?.ConsoleEndpoint,
            status.Record?.DisplayEndpoint,
            status.Record?.DisplayWebSocketEndpoint)).ToList();
        if (json)
        {
            JsonOutput.Write(_console.Output, entries, JsonOutput.Context.IReadOnlyListStatusEntry);
            return Task.FromResult(ExitCodes.Success);
        }

        if (entries.Count == 0)
        {
            _console.Output.WriteLine("No machine is running.");
            return Task.FromResult(ExitCodes.Success);
        }

        var table = new TextTable("NAME", "STATE", "RUNTIME", "ACCEL", "PID", "UPTIME", "CONSOLE", "DISPLAY");
        foreach (var entry in entries)
        {
            table.AddRow(
                entry.Name,
                entry.State == "stale" ? "stale (process gone; 'pane stop' clears it)" : entry.State,
                entry.Runtime ?? "-",
                entry.Accelerator ?? "-",
                entry.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-",
                entry.UptimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds).ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture) : "-",
                entry.Console ?? "-",
                entry.Display ?? "-");
        }

        table.Write(_console.Output);
        return Task.FromResult(ExitCodes.Success);
    }
}
