namespace Pane.Plugins;

/// <summary>
/// What kinds of contribution a plugin makes, as its <see cref="PanePluginAttribute"/> declares them: the host reads
/// the declaration without loading the plugin, so that a command needing only runtimes loads only the plugins that
/// contribute runtimes.
/// </summary>
[Flags]
public enum PluginContributions
{
    /// <summary>Not declared: the plugin is loaded for every command.</summary>
    None = 0,

    /// <summary>Runtime providers.</summary>
    RuntimeProviders = 1,

    /// <summary>Desktop recipes.</summary>
    DesktopRecipes = 2,

    /// <summary>Image sources.</summary>
    ImageSources = 4,
}
