using Pane.Desktops;

namespace Pane.Host.Cli.Recipes;

/// <summary>One desktop recipe in the output of <c>pane recipes</c>.</summary>
/// <param name="Id">The recipe's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Description">What the desktop is.</param>
/// <param name="Plugin">The plugin that contributed it, or <see langword="null"/> when not known.</param>
/// <param name="Families">The distribution families it supports, by name.</param>
/// <param name="DisplayManagers">The display managers its plans enable, without repeats.</param>
/// <param name="MinimumDiskGiB">The smallest root disk it fits in, in GiB.</param>
/// <param name="ExpectedInstallSeconds">How long an install usually takes, in seconds.</param>
/// <param name="Plans">Its plan for each family.</param>
internal sealed record RecipeEntry(
    string Id,
    string Name,
    string Description,
    string? Plugin,
    IReadOnlyList<string> Families,
    IReadOnlyList<string> DisplayManagers,
    int MinimumDiskGiB,
    long ExpectedInstallSeconds,
    IReadOnlyList<RecipePlanEntry> Plans)
{
    /// <summary>Describes a recipe.</summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="plugin">The plugin that contributed it, if known.</param>
    /// <returns>The entry.</returns>
    public static RecipeEntry From(IDesktopRecipe recipe, string? plugin)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var plans = recipe.Plans
            .OrderBy(plan => plan.Key.Name, StringComparer.Ordinal)
            .Select(plan => new RecipePlanEntry(
                plan.Key.Name,
                plan.Value.DisplayManager,
                plan.Value.ConflictingDisplayManagers,
                plan.Value.Packages,
                plan.Value.ServicesToEnable))
            .ToList();
        return new RecipeEntry(
            recipe.Id,
            recipe.DisplayName,
            recipe.Description,
            plugin,
            plans.Select(plan => plan.Family).ToList(),
            plans.Select(plan => plan.DisplayManager).Distinct(StringComparer.Ordinal).ToList(),
            recipe.MinimumDiskGiB,
            (long)Math.Round(recipe.ExpectedInstallTime.TotalSeconds),
            plans);
    }
}
