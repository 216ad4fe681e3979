using Pane.Desktops;
using Pane.Images;
using Pane.Runtimes;

namespace Pane.Host.Plugins;

/// <summary>The plugins the host loaded, their contributions, and the load errors.</summary>
internal sealed class PluginCatalog : IPluginCatalog, IDisposable
{
    private readonly IReadOnlyList<IDisposable> _ownedContributions;

    /// <summary>Initializes a new instance of the <see cref="PluginCatalog"/> class.</summary>
    /// <param name="plugins">The plugins that loaded.</param>
    /// <param name="errors">The plugins and contributions that could not be used.</param>
    /// <param name="runtimeProviders">The runtime providers.</param>
    /// <param name="desktopRecipes">The desktop recipes.</param>
    /// <param name="imageSources">The image sources.</param>
    /// <param name="ownedContributions">The contributions the catalog created and so disposes.</param>
    public PluginCatalog(
        IReadOnlyList<LoadedPlugin> plugins,
        IReadOnlyList<PluginLoadError> errors,
        IReadOnlyList<IRuntimeProvider> runtimeProviders,
        IReadOnlyList<IDesktopRecipe> desktopRecipes,
        IReadOnlyList<IImageSource> imageSources,
        IReadOnlyList<IDisposable> ownedContributions)
    {
        Plugins = plugins;
        Errors = errors;
        RuntimeProviders = runtimeProviders;
        DesktopRecipes = desktopRecipes;
        ImageSources = imageSources;
        _ownedContributions = ownedContributions;
    }

    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    public IReadOnlyList<PluginLoadError> Errors { get; }

    public IReadOnlyList<IRuntimeProvider> RuntimeProviders { get; }

    public IReadOnlyList<IDesktopRecipe> DesktopRecipes { get; }

    public IReadOnlyList<IImageSource> ImageSources { get; }

    public void Dispose()
    {
        foreach (var contribution in _ownedContributions)
        {
            contribution.Dispose();
        }
    }
}
