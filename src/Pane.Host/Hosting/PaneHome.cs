using Pane.Platform;

namespace Pane.Host.Hosting;

/// <summary>The Pane home folder and its sub-folders.</summary>
internal sealed class PaneHome : IPaneHome
{
    /// <summary>Initializes a new instance of the <see cref="PaneHome"/> class.</summary>
    /// <param name="root">The absolute path of the home folder.</param>
    public PaneHome(string root)
    {
        Root = root;
        PluginsDirectory = Path.Join(root, "plugins");
        ImagesDirectory = Path.Join(root, "images");
        MachinesDirectory = Path.Join(root, "vms");
        CacheDirectory = Path.Join(root, "cache");
    }

    public string Root { get; }

    public string PluginsDirectory { get; }

    public string ImagesDirectory { get; }

    public string MachinesDirectory { get; }

    public string CacheDirectory { get; }
}
