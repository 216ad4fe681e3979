using Pane.Desktops;
using Pane.Images;
using Pane.Runtimes;

namespace Pane.Host.Plugins;

/// <summary>
/// The plugins the host loaded, what each contributed, and the ones it could not load and why.
/// </summary>
public interface IPluginCatalog
{
    /// <summary>Gets the plugins that loaded, in load order.</summary>
    IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>Gets one entry for each plugin, or contribution of a plugin, that could not be used.</summary>
    IReadOnlyList<PluginLoadError> Errors { get; }

    /// <summary>Gets the runtime providers of every plugin, with unique ids.</summary>
    IReadOnlyList<IRuntimeProvider> RuntimeProviders { get; }

    /// <summary>Gets the desktop recipes of every plugin, with unique ids.</summary>
    IReadOnlyList<IDesktopRecipe> DesktopRecipes { get; }

    /// <summary>Gets the image sources of every plugin, with unique ids.</summary>
    IReadOnlyList<IImageSource> ImageSources { get; }
}
