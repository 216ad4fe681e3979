using System.CommandLine;
using Pane.Host.Cli.Launch;

namespace Pane.Host.Cli.Stop;

/// <summary>Defines <c>pane stop [--name N] [--grace S]</c>.</summary>
internal static class StopCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var name = LaunchCommandDefinition.NameOption("The machine to stop.");
        var grace = LaunchCommandDefinition.GraceOption();
        var command = new Command("stop", "Power a machine off through ACPI; kill it if it has not stopped after --grace seconds.") { name, grace };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<StopCommand>(
            parseResult,
            (stop, token) => stop.ExecuteAsync(parseResult.GetValue(name)!, TimeSpan.FromSeconds(parseResult.GetValue(grace)), token),
            cancellationToken));
        return command;
    }
}
