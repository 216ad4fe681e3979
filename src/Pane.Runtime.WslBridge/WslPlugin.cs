using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.Runtime.WslBridge;

[assembly: PanePlugin(typeof(WslPlugin), Contributes = PluginContributions.RuntimeProviders)]

namespace Pane.Runtime.WslBridge;

/// <summary>The entry of the WSL plugin: contributes the <c>wsl</c> runtime provider.</summary>
public sealed class WslPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPaneRuntimeProvider<WslRuntimeProvider>();
    }
}
