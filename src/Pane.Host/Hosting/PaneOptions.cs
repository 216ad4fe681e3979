namespace Pane.Host.Hosting;

/// <summary>Options of the Pane engine.</summary>
public sealed class PaneOptions
{
    /// <summary>
    /// Gets or sets the Pane home folder. When <see langword="null"/>: <c>PANE_HOME</c>, else
    /// <c>%LOCALAPPDATA%\Pane</c> on Windows and <c>$XDG_DATA_HOME/pane</c> or <c>~/.local/share/pane</c> elsewhere.
    /// </summary>
    public string? Home { get; set; }

    /// <summary>
    /// Gets the folders searched for plugins, each holding <c>&lt;Name&gt;/&lt;Name&gt;.dll</c>. By default the
    /// <c>plugins</c> folder next to the host and the <c>plugins</c> folder of the Pane home.
    /// </summary>
    public IList<string> PluginDirectories { get; } = new List<string>();
}
