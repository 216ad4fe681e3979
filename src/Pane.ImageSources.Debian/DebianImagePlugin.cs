using Microsoft.Extensions.DependencyInjection;
using Pane.ImageSources.Debian;
using Pane.Plugins;

[assembly: PanePlugin(typeof(DebianImagePlugin), Contributes = PluginContributions.ImageSources)]

namespace Pane.ImageSources.Debian;

/// <summary>The entry of the debian image source plugin: contributes the <c>debian</c> image source.</summary>
public sealed class DebianImagePlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPaneImageSource<DebianImageSource>();
    }
}
