using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.Runtime.Native;

[assembly: PanePlugin(typeof(NativePlugin), Contributes = PluginContributions.RuntimeProviders)]

namespace Pane.Runtime.Native;

/// <summary>The entry of the native plugin: contributes the <c>native</c> runtime provider, Pane's own VMM.</summary>
public sealed class NativePlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPaneRuntimeProvider<NativeRuntimeProvider>();
    }
}
