using Pane.Host.Plugins;
using Pane.Host.Settings;
using Pane.Platform;

namespace Pane.Host.Images;

/// <summary>
/// Chooses the default image: the <c>default-image</c> setting, else <c>arch</c>; on Linux, with a <c>debian</c>
/// image source loaded, <c>debian</c> (built locally) is the fallback for when the Arch image's server cannot be
/// reached.
/// </summary>
internal sealed class DefaultImageResolver
{
    /// <summary>The built-in default image.</summary>
    public const string ArchReference = "arch";

    /// <summary>The image built locally when <see cref="ArchReference"/> cannot be fetched on Linux.</summary>
    public const string DebianReference = "debian";

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

        if (_platform.OperatingSystem == HostOperatingSystem.Windows)
        {
            return new DefaultImage(ArchReference, "built-in default on Windows");
        }

        return _platform.OperatingSystem == HostOperatingSystem.Linux && _catalog.ImageSources.Any(source => source.Id == DebianReference)
            ? new DefaultImage(ArchReference, "built-in default on Linux", DebianReference)
            : new DefaultImage(ArchReference, "built-in default: no 'debian' image source is loaded to fall back to");
    }
}
