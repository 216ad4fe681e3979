using Pane.Host.Plugins;

namespace Pane.Host.Cli.Plugins;

/// <summary>The result of <c>pane plugins</c>: the plugins that loaded and the ones that did not.</summary>
/// <param name="Plugins">The loaded plugins, in load order.</param>
/// <param name="Errors">The plugins, or contributions, that could not be used.</param>
internal sealed record PluginsReport(IReadOnlyList<PluginEntry> Plugins, IReadOnlyList<PluginErrorEntry> Errors)
{
    /// <summary>Describes a catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The report.</returns>
    public static PluginsReport From(IPluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var plugins = catalog.Plugins
            .Select(plugin => new PluginEntry(
                plugin.Name,
                plugin.Version,
                plugin.Path,
                plugin.Contributions.Select(c => new PluginContributionEntry(KindName(c.Kind), c.Id)).ToList()))
            .ToList();
        var errors = catalog.Errors
            .Select(error => new PluginErrorEntry(error.Name, error.Path, error.Reason, error.Remedy))
            .ToList();
        return new PluginsReport(plugins, errors);
    }

    /// <summary>Gets the name of a contribution kind as it appears in the output.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><c>runtime</c>, <c>recipe</c> or <c>imageSource</c>.</returns>
    public static string KindName(PluginContributionKind kind) => kind switch
    {
        PluginContributionKind.RuntimeProvider => "runtime",
        PluginContributionKind.DesktopRecipe => "recipe",
        PluginContributionKind.ImageSource => "imageSource",
        _ => kind.ToString(),
    };
}
