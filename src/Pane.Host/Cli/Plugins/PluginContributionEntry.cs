namespace Pane.Host.Cli.Plugins;

/// <summary>One contribution of a plugin in the output of <c>pane plugins</c>.</summary>
/// <param name="Kind"><c>runtime</c>, <c>recipe</c> or <c>imageSource</c>.</param>
/// <param name="Id">The contribution's id.</param>
internal sealed record PluginContributionEntry(string Kind, string Id);
