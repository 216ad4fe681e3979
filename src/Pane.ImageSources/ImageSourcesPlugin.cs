using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.ImageSources;
using Pane.ImageSources.Downloads;
using Pane.Plugins;

[assembly: PanePlugin(typeof(ImageSourcesPlugin), Contributes = PluginContributions.ImageSources)]

namespace Pane.ImageSources;

/// <summary>The entry of the built-in image sources plugin: contributes <c>arch</c>, <c>https</c> (and <c>http</c>) and <c>file</c>.</summary>
public sealed class ImageSourcesPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(new DownloadOptions());
        services.TryAddSingleton<HttpDownloader>();
        services.AddPaneImageSource<ArchImageSource>();
        services.AddPaneImageSource<HttpImageSource>();
        services.AddPaneImageSource<FileImageSource>();
    }
}
