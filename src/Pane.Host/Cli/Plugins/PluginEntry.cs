namespace Pane.Host.Cli.Plugins;

/// <summary>A loaded plugin in the output of <c>pane plugins</c>.</summary>
/// <param name="Name">The plugin's name.</param>
/// <param name="Version">The plugin's version.</param>
/// <param name="Path">The plugin assembly's file.</param>
/// <param name="Contributions">What it contributed.</param>
internal sealed record PluginEntry(string Name, string Version, string Path, IReadOnlyList<PluginContributionEntry> Contributions);
