namespace Pane.Host.Plugins;

/// <summary>A plugin found in a plugin folder, not yet loaded.</summary>
/// <param name="Name">The plugin's name: its folder's name, which is also its assembly's name.</param>
/// <param name="Path">The plugin's <c>&lt;Name&gt;.dll</c>.</param>
internal sealed record PluginCandidate(string Name, string Path);
