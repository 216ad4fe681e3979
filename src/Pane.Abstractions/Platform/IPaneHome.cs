namespace Pane.Platform;

/// <summary>
/// The folder that holds everything Pane keeps for a user (<c>PANE_HOME</c>): plugins, images, machines, caches.
/// </summary>
public interface IPaneHome
{
    /// <summary>Gets the root folder.</summary>
    string Root { get; }

    /// <summary>Gets the folder of user-installed plugins, <c>plugins/</c>.</summary>
    string PluginsDirectory { get; }

    /// <summary>Gets the folder of base images, <c>images/</c>.</summary>
    string ImagesDirectory { get; }

    /// <summary>Gets the folder of machines, one sub-folder each, <c>vms/</c>.</summary>
    string MachinesDirectory { get; }

    /// <summary>Gets the folder of derived data that can be rebuilt, <c>cache/</c>.</summary>
    string CacheDirectory { get; }
}
