using Pane.Host.Plugins;
using Pane.Host.Settings;
using Pane.Platform;

namespace Pane.Host.Images;

/// <summary>
/// Chooses the default image: the <c>default-image</c> setting, else <c>arch</c> on Windows, and on Linux
/// <c>debian</c> when an image source of that id is loaded (it builds the image locally), else <c>arch</c>.
/// </summary>
internal sealed class DefaultImageResolver
{
    private readonly PaneSettings _settings;
    private readonly IHostPlatform _platform;
    private readonly IPluginCatalog _catalog;

    public DefaultImageResolver(PaneSettings settings, IHostPlatform platform, IPluginCatalog catalog)
    {
        _settings = settings;
        _platform = platform;
        _catalog = catalog;
    }

    /// <summary>Chooses the default image.</summary>
    /// <returns>The choice.</returns>
    /// <exception cref="PaneException">The settings file is damaged.</exception>
    public DefaultImage Resolve()
    {
        if (_settings.Get(PaneSettings.DefaultImageKey) is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return new DefaultImage(configured, $"set in {_settings.FilePath}");
        }

        if (_platform.OperatingSystem == HostOperatingSystem.Linux && _catalog.ImageSources.Any(source => source.Id == "debian"))
        {
            return new DefaultImage("debian", "built-in default on Linux: built locally from the configured apt source");
        }

        return _platform.OperatingSystem == HostOperatingSystem.Windows
            ? new DefaultImage("arch", "built-in default on Windows")
            : new DefaultImage("arch", "built-in default: no 'debian' image source is loaded");
    }
}
