using Pane.Host.Plugins;

namespace Pane.Host.Cli.Recipes;

/// <summary>The result of <c>pane recipes</c>: the desktop recipes of every plugin.</summary>
/// <param name="Recipes">The recipes, by id.</param>
internal sealed record RecipesReport(IReadOnlyList<RecipeEntry> Recipes)
{
    /// <summary>Describes the recipes of a catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The report.</returns>
    public static RecipesReport From(IPluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var plugin in catalog.Plugins)
        {
            foreach (var contribution in plugin.Contributions.Where(c => c.Kind == PluginContributionKind.DesktopRecipe))
            {
                owners.TryAdd(contribution.Id, plugin.Name);
            }
        }

        var recipes = catalog.DesktopRecipes
            .Select(recipe => RecipeEntry.From(recipe, owners.GetValueOrDefault(recipe.Id)))
            .OrderBy(recipe => recipe.Id, StringComparer.Ordinal)
            .ToList();
        return new RecipesReport(recipes);
    }
}
