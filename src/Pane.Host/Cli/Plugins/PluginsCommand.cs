using Pane.Host.Cli.Output;
using Pane.Host.Plugins;

namespace Pane.Host.Cli.Plugins;

/// <summary><c>pane plugins</c>: the plugins the host loaded, what each contributed, and load errors as warnings.</summary>
internal sealed class PluginsCommand
{
    private readonly IPluginCatalog _catalog;
    private readonly CliConsole _console;

    public PluginsCommand(IPluginCatalog catalog, CliConsole console)
    {
        _catalog = catalog;
        _console = console;
    }

    /// <summary>Lists the plugins.</summary>
    /// <param name="json">Whether to write JSON.</param>
    /// <returns>The exit code: success, even when some plugins failed to load.</returns>
    public int Execute(bool json)
    {
        var report = PluginsReport.From(_catalog);
        if (json)
        {
            JsonOutput.Write(_console.Output, report, JsonOutput.Context.PluginsReport);
        }
        else
        {
            PluginsView.WriteTable(report, _console.Output);
        }

        PluginsView.WriteWarnings(report, _console.Error);
        return ExitCodes.Success;
    }
}
