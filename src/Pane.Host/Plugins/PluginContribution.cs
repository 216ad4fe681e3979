namespace Pane.Host.Plugins;

/// <summary>One thing a plugin contributed.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Its id (<c>qemu</c>, <c>xfce</c>, ...).</param>
public sealed record PluginContribution(PluginContributionKind Kind, string Id);
