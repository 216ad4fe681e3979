using Pane.Host.Cli.Output;
using Pane.Host.Cli.Plugins;
using Pane.Host.Plugins;
using Pane.Host.Runtimes;

namespace Pane.Host.Cli.Runtimes;

/// <summary><c>pane runtimes</c>: every runtime with its probe, and which one <c>auto</c> picks and why.</summary>
internal sealed class RuntimesCommand
{
    private readonly IRuntimeNegotiator _negotiator;
    private readonly IPluginCatalog _catalog;
    private readonly CliConsole _console;

    public RuntimesCommand(IRuntimeNegotiator negotiator, IPluginCatalog catalog, CliConsole console)
    {
        _negotiator = negotiator;
        _catalog = catalog;
        _console = console;
    }

    /// <summary>Probes and lists the runtimes.</summary>
    /// <param name="json">Whether to write JSON.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code: success, even when no runtime is available.</returns>
    public async Task<int> ExecuteAsync(bool json, CancellationToken cancellationToken)
    {
        var selection = await _negotiator.NegotiateAsync(requested: null, cancellationToken).ConfigureAwait(false);
        var report = RuntimesReport.From(selection);
        if (json)
        {
            JsonOutput.Write(_console.Output, report, JsonOutput.Context.RuntimesReport);
        }
        else
        {
            RuntimesView.Write(report, _console.Output);
        }

        PluginsView.WriteWarnings(PluginsReport.From(_catalog), _console.Error);
        return ExitCodes.Success;
    }
}
