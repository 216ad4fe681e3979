using System.CommandLine;

namespace Pane.Host.Cli.Plugins;

/// <summary>Defines <c>pane plugins [--json]</c>.</summary>
internal static class PluginsCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the command's class.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host)
    {
        var json = GlobalOptions.CreateJson();
        var command = new Command("plugins", "List the loaded plugins, what each contributes, and the ones that failed to load.")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<PluginsCommand>(
            parseResult,
            (plugins, _) => Task.FromResult(plugins.Execute(parseResult.GetValue(json))),
            cancellationToken));
        return command;
    }
}
