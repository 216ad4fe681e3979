namespace Pane.Host.Plugins;

/// <summary>A plugin the host loaded.</summary>
/// <param name="Name">The plugin's name: its assembly's simple name.</param>
/// <param name="Version">The plugin assembly's informational version.</param>
/// <param name="Path">The plugin assembly's file.</param>
/// <param name="Contributions">What it contributed.</param>
public sealed record LoadedPlugin(string Name, string Version, string Path, IReadOnlyList<PluginContribution> Contributions);
