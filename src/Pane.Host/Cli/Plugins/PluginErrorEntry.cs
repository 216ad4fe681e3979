namespace Pane.Host.Cli.Plugins;

/// <summary>A plugin that could not be used, in the output of <c>pane plugins</c>.</summary>
/// <param name="Name">The plugin's name.</param>
/// <param name="Path">The file the host tried to load.</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="Remedy">What to do.</param>
internal sealed record PluginErrorEntry(string Name, string Path, string Reason, string Remedy);
