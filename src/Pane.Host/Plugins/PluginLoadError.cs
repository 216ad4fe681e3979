namespace Pane.Host.Plugins;

/// <summary>A plugin, or one contribution of it, that the host could not use.</summary>
/// <param name="Name">The plugin's name (its folder or assembly name).</param>
/// <param name="Path">The file the host tried to load.</param>
/// <param name="Reason">One sentence on what is wrong.</param>
/// <param name="Remedy">One sentence on what to do.</param>
public sealed record PluginLoadError(string Name, string Path, string Reason, string Remedy);
