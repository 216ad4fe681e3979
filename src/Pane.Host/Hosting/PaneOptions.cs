using Pane.Plugins;

namespace Pane.Host.Hosting;

/// <summary>Options of the Pane engine.</summary>
public sealed class PaneOptions
{
    /// <summary>
    /// Gets or sets the Pane home folder (the CLI's <c>--home</c>). When <see langword="null"/>: <c>PANE_HOME</c>, else
    /// <c>%LOCALAPPDATA%\Pane</c> on Windows and <c>$XDG_DATA_HOME/pane</c> or <c>~/.local/share/pane</c> elsewhere.
    /// </summary>
    public string? Home { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the <c>plugins</c> folder next to the host and the <c>plugins</c>
    /// folder of the Pane home are searched for plugins. Defaults to <see langword="true"/>.
    /// </summary>
    public bool SearchDefaultPluginDirectories { get; set; } = true;

    /// <summary>
    /// Gets further folders searched for plugins, after the default ones, each holding
    /// <c>&lt;Name&gt;/&lt;Name&gt;.dll</c>. When two plugins claim the same id, the one found first keeps it.
    /// </summary>
    public IList<string> PluginDirectories { get; } = new List<string>();

    /// <summary>
    /// Gets or sets the kinds of contribution the application needs: a plugin whose <see cref="PanePluginAttribute"/>
    /// declares only other kinds is not loaded, which shortens start-up. Defaults to
    /// <see cref="PluginContributions.None"/>, which loads every plugin.
    /// </summary>
    public PluginContributions NeededContributions { get; set; }
}
