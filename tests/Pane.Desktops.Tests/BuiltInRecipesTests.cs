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
        foreach (var (recipe, family, plan) in EveryPlan())
        {
            Assert.False(
                plan.ConflictingDisplayManagers.Contains(plan.DisplayManager),
                $"{recipe.Id} on {family} disables its own display manager {plan.DisplayManager}.");
        }
    }

    [Fact]
    public void A_plan_s_conflicts_cover_every_other_built_in_display_manager()
    {
        // Given
        var builtIn = EveryPlan().Select(entry => entry.Plan.DisplayManager).ToHashSet(StringComparer.Ordinal);

        foreach (var (recipe, family, plan) in EveryPlan())
        {
            // When
            var missing = builtIn.Where(manager => manager != plan.DisplayManager)
                .Except(plan.ConflictingDisplayManagers, StringComparer.Ordinal)
                .ToList();

            // Then
            Assert.True(missing.Count == 0, $"{recipe.Id} on {family} leaves {string.Join(", ", missing)} enabled.");
        }
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
    public void Every_plan_installs_distinct_packages_and_enables_NetworkManager()
    {
        foreach (var (recipe, family, plan) in EveryPlan())
        {
            Assert.NotEmpty(plan.Packages);
            Assert.True(plan.Packages.Distinct(StringComparer.Ordinal).Count() == plan.Packages.Count, $"{recipe.Id} on {family} lists a package twice.");
            Assert.All(plan.Packages, package => Assert.Matches("^@?[A-Za-z0-9][A-Za-z0-9+.-]*$", package));
            Assert.Contains("NetworkManager", plan.ServicesToEnable);
        }
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
}
