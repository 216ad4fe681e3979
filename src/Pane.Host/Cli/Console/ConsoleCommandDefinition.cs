using System.CommandLine;
using Pane.Host.Cli.Launch;

namespace Pane.Host.Cli.Console;

/// <summary>Defines <c>pane console [--name N]</c>.</summary>
internal static class ConsoleCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var name = LaunchCommandDefinition.NameOption("The machine to attach to.");
        var command = new Command("console", "Attach the terminal to a running machine's serial console; Ctrl+] detaches.") { name };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<ConsoleCommand>(
            parseResult,
            (console, token) => console.ExecuteAsync(parseResult.GetValue(name)!, token),
            cancellationToken));
        return command;
    }
}
