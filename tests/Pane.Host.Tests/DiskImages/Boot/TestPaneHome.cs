using Pane.Platform;

namespace Pane.Host.Tests.DiskImages.Boot;

/// <summary>A Pane home in a scratch folder.</summary>
internal sealed class TestPaneHome(string root) : IPaneHome
{
    public string Root { get; } = root;

    public string PluginsDirectory => Path.Combine(Root, "plugins");

    public string ImagesDirectory => Path.Combine(Root, "images");

    public string MachinesDirectory => Path.Combine(Root, "vms");

    public string CacheDirectory => Path.Combine(Root, "cache");
}
