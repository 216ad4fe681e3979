using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.Runtime.QemuWhpx;

[assembly: PanePlugin(typeof(QemuPlugin), Contributes = PluginContributions.RuntimeProviders)]

namespace Pane.Runtime.QemuWhpx;

/// <summary>The entry of the QEMU plugin: contributes the <c>qemu</c> runtime provider.</summary>
public sealed class QemuPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPaneRuntimeProvider<QemuRuntimeProvider>();
    }
}
