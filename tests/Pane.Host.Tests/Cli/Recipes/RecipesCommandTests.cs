using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pane.Desktops;
using Pane.Host.Plugins;
using Pane.Host.Tests.Runtimes;

namespace Pane.Host.Tests.Cli.Recipes;

public sealed class RecipesCommandTests
{
    private static IPluginCatalog Catalog()
    {
        var xfce = Substitute.For<IDesktopRecipe>();
        xfce.Id.Returns("xfce");
        xfce.DisplayName.Returns("Xfce");
        xfce.Description.Returns("A light desktop.");
        xfce.MinimumDiskGiB.Returns(8);
        xfce.ExpectedInstallTime.Returns(TimeSpan.FromMinutes(6));
        xfce.Plans.Returns(new Dictionary<DistributionFamily, DesktopPlan>
        {
            [DistributionFamily.Debian] = new() { Packages = ["xfce4", "lightdm"], DisplayManager = "lightdm", ConflictingDisplayManagers = ["gdm3"] },
            [DistributionFamily.Arch] = new() { Packages = ["xfce4", "lightdm"], DisplayManager = "lightdm", ServicesToEnable = ["NetworkManager"] },
        });
        var sway = Substitute.For<IDesktopRecipe>();
        sway.Id.Returns("sway");
        sway.DisplayName.Returns("Sway");
        sway.Description.Returns("A tiling compositor.");
        sway.MinimumDiskGiB.Returns(4);
        sway.ExpectedInstallTime.Returns(TimeSpan.FromSeconds(45));
        sway.Plans.Returns(new Dictionary<DistributionFamily, DesktopPlan>
        {
            [DistributionFamily.Arch] = new() { Packages = ["sway", "greetd"], DisplayManager = "greetd" },
        });

        var catalog = TestRuntimes.Catalog();
        catalog.DesktopRecipes.Returns([xfce, sway]);
        catalog.Plugins.Returns(
        [
            new LoadedPlugin("Pane.Desktops", "0.1.0", "/p/Pane.Desktops.dll", [new PluginContribution(PluginContributionKind.DesktopRecipe, "xfce")]),
            new LoadedPlugin("Sample.Sway", "1.0.0", "/h/Sample.Sway.dll", [new PluginContribution(PluginContributionKind.DesktopRecipe, "sway")]),
        ]);
        return catalog;
    }

    public sealed class Execute
    {
        [Fact]
        public async Task Lists_each_recipe_with_families_display_manager_disk_time_and_plugin()
        {
            // Given
            var catalog = Catalog();

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "recipes");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(
                [
                    "RECIPE  NAME  FAMILIES      DISPLAY MANAGER  MIN DISK  EXPECTED  PLUGIN",
                    "sway    Sway  arch          greetd           4 GiB     45 s      Sample.Sway",
                    "xfce    Xfce  arch, debian  lightdm          8 GiB     6 min     Pane.Desktops",
                ],
                result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public async Task Says_so_when_no_plugin_provides_a_recipe()
        {
            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(TestRuntimes.Catalog()), "recipes");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("No desktop recipes: no plugin provides one.", result.Output.Trim());
        }

        [Fact]
        public async Task Json_has_the_documented_shape()
        {
            // Given
            var catalog = Catalog();

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "recipes", "--json");

            // Then
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            var recipes = json.RootElement.GetProperty("recipes").EnumerateArray().ToList();
            Assert.Equal(["sway", "xfce"], recipes.Select(r => r.GetProperty("id").GetString()));
            var xfce = recipes[1];
            Assert.Equal(
                ["id", "name", "description", "plugin", "families", "displayManagers", "minimumDiskGiB", "expectedInstallSeconds", "plans"],
                xfce.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Xfce", xfce.GetProperty("name").GetString());
            Assert.Equal("A light desktop.", xfce.GetProperty("description").GetString());
            Assert.Equal("Pane.Desktops", xfce.GetProperty("plugin").GetString());
            Assert.Equal(["arch", "debian"], xfce.GetProperty("families").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal(["lightdm"], xfce.GetProperty("displayManagers").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal(8, xfce.GetProperty("minimumDiskGiB").GetInt32());
            Assert.Equal(360, xfce.GetProperty("expectedInstallSeconds").GetInt64());
            var debian = xfce.GetProperty("plans")[1];
            Assert.Equal("debian", debian.GetProperty("family").GetString());
            Assert.Equal("lightdm", debian.GetProperty("displayManager").GetString());
            Assert.Equal(["gdm3"], debian.GetProperty("conflictingDisplayManagers").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal(["xfce4", "lightdm"], debian.GetProperty("packages").EnumerateArray().Select(f => f.GetString()));
            Assert.Empty(debian.GetProperty("servicesToEnable").EnumerateArray());
        }
    }
}
