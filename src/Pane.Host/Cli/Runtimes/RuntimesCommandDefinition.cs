using System.CommandLine;
using Pane.Plugins;

namespace Pane.Host.Cli.Runtimes;

/// <summary>Defines <c>pane runtimes [--json]</c>.</summary>
internal static class RuntimesCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the command's class.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host)
    {
        var json = GlobalOptions.CreateJson();
        var command = new Command("runtimes", "Probe every runtime and show which one 'auto' picks, and why.")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunWithPluginsContributingAsync<RuntimesCommand>(
            parseResult,
            PluginContributions.RuntimeProviders,
            (runtimes, token) => runtimes.ExecuteAsync(parseResult.GetValue(json), token),
            cancellationToken));
        return command;
    }
}
