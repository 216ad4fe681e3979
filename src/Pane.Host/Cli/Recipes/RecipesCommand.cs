using Pane.Host.Cli.Output;
using Pane.Host.Cli.Plugins;
using Pane.Host.Plugins;

namespace Pane.Host.Cli.Recipes;

/// <summary><c>pane recipes</c>: the desktop recipes of every plugin.</summary>
internal sealed class RecipesCommand
{
    private readonly IPluginCatalog _catalog;
    private readonly CliConsole _console;

    public RecipesCommand(IPluginCatalog catalog, CliConsole console)
    {
        _catalog = catalog;
        _console = console;
    }

    /// <summary>Lists the recipes.</summary>
    /// <param name="json">Whether to write JSON.</param>
    /// <returns>The exit code.</returns>
    public int Execute(bool json)
    {
        var report = RecipesReport.From(_catalog);
        if (json)
        {
            JsonOutput.Write(_console.Output, report, JsonOutput.Context.RecipesReport);
        }
        else
        {
            RecipesView.Write(report, _console.Output);
        }

        PluginsView.WriteWarnings(PluginsReport.From(_catalog), _console.Error);
        return ExitCodes.Success;
    }
}
