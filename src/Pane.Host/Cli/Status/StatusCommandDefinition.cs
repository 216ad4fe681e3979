using System.CommandLine;

namespace Pane.Host.Cli.Status;

/// <summary>Defines <c>pane status [--name N] [--json]</c>.</summary>
internal static class StatusCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var name = new Option<string?>("--name") { Description = "One machine; by default every machine with a record.", HelpName = "NAME" };
        var json = GlobalOptions.CreateJson();
        var command = new Command("status", "Show whether machines run, have stopped, or left a stale record.") { name, json };
        command.SetAction((parseResult, cancellationToken) => host.RunWithoutPluginsAsync<StatusCommand>(
            parseResult,
            (status, token) => status.ExecuteAsync(parseResult.GetValue(name), parseResult.GetValue(json), token),
            cancellationToken));
        return command;
    }
}
