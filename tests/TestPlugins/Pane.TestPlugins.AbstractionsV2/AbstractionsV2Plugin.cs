using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.TestPlugins.AbstractionsV2;

[assembly: PanePlugin(typeof(AbstractionsV2Plugin))]

namespace Pane.TestPlugins.AbstractionsV2;

/// <summary>A plugin built against Pane.Abstractions 2.0.</summary>
public sealed class AbstractionsV2Plugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
    }
}
