using System.Text.RegularExpressions;

namespace Pane.Desktops.Tests;

/// <summary>Rules every built-in recipe keeps.</summary>
public sealed class BuiltInRecipesTests
{
    public static TheoryData<string> RecipeIds => ["xfce", "gnome", "kde"];

    internal static IReadOnlyList<IDesktopRecipe> All { get; } = [new XfceRecipe(), new GnomeRecipe(), new KdeRecipe()];

    internal static IEnumerable<(IDesktopRecipe Recipe, DistributionFamily Family, DesktopPlan Plan)> EveryPlan() =>
        All.SelectMany(recipe => recipe.Plans.Select(plan => (recipe, plan.Key, plan.Value)));

    [Fact]
    public void Ids_are_unique_lower_case_words()
    {
        // When
        var ids = All.Select(recipe => recipe.Id).ToList();

        // Then
        Assert.Equal(["xfce", "gnome", "kde"], ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(RecipeIds))]
    public void Every_family_has_a_plan(string id)
    {
        // Given
        var recipe = All.Single(candidate => candidate.Id == id);

        // When
        var families = recipe.Plans.Keys.ToHashSet();

        // Then
        Assert.Superset(families, new HashSet<DistributionFamily> { DistributionFamily.Arch, DistributionFamily.Debian, DistributionFamily.Fedora });
    }

    [Fact]
    public void A_plan_s_display_manager_is_never_among_its_conflicts()
    {
        // When
        var disablingThemselves = EveryPlan()
            .Where(entry => entry.Plan.ConflictingDisplayManagers.Contains(entry.Plan.DisplayManager))
            .Select(entry => $"{entry.Recipe.Id} on {entry.Family}")
            .ToList();

        // Then
        Assert.Empty(disablingThemselves);
    }

    [Fact]
    public void A_plan_s_conflicts_cover_every_other_built_in_display_manager()
    {
        // Given
        var builtIn = EveryPlan().Select(entry => entry.Plan.DisplayManager).ToHashSet(StringComparer.Ordinal);

        // When
        var leftEnabled = EveryPlan()
            .SelectMany(entry => builtIn
                .Where(manager => manager != entry.Plan.DisplayManager && !entry.Plan.ConflictingDisplayManagers.Contains(manager))
                .Select(manager => $"{entry.Recipe.Id} on {entry.Family} leaves {manager}"))
            .ToList();

        // Then
        Assert.Equal(["gdm", "lightdm", "sddm"], builtIn.Order(StringComparer.Ordinal));
        Assert.Empty(leftEnabled);
    }

    [Fact]
    public void Each_desktop_uses_its_own_display_manager()
    {
        // When
        var managers = All.ToDictionary(recipe => recipe.Id, recipe => recipe.Plans.Values.Select(plan => plan.DisplayManager).Distinct().Single());

        // Then
        Assert.Equal("lightdm", managers["xfce"]);
        Assert.Equal("gdm", managers["gnome"]);
        Assert.Equal("sddm", managers["kde"]);
    }

    [Fact]
    public void Every_plan_installs_distinct_well_formed_packages_and_enables_NetworkManager()
    {
        // When
        var faults = EveryPlan()
            .SelectMany(entry => Faults(entry.Plan).Select(fault => $"{entry.Recipe.Id} on {entry.Family}: {fault}"))
            .ToList();

        // Then
        Assert.Empty(faults);
    }

    [Theory]
    [InlineData("xfce", 8)]
    [InlineData("gnome", 24)]
    [InlineData("kde", 24)]
    public void Minimum_disk_sizes_leave_room_for_the_desktop(string id, int gib)
    {
        // When
        var recipe = All.Single(candidate => candidate.Id == id);

        // Then
        Assert.Equal(gib, recipe.MinimumDiskGiB);
        Assert.InRange(recipe.ExpectedInstallTime, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(60));
        Assert.False(string.IsNullOrWhiteSpace(recipe.Description));
    }

    private static IEnumerable<string> Faults(DesktopPlan plan)
    {
        if (plan.Packages.Count == 0)
        {
            yield return "no packages";
        }

        foreach (var duplicate in plan.Packages.GroupBy(package => package, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            yield return $"{duplicate.Key} listed twice";
        }

        foreach (var malformed in plan.Packages.Where(package => !Regex.IsMatch(package, "^@?[A-Za-z0-9][A-Za-z0-9+.-]*$")))
        {
            yield return $"'{malformed}' is not a package name";
        }

        if (!plan.ServicesToEnable.Contains("NetworkManager"))
        {
            yield return "NetworkManager is not enabled";
        }
    }
}
