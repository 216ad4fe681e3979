using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Platform;
using Pane.Host.Plugins;
using Pane.Platform;

namespace Pane.Host.Tests.Plugins;

/// <summary>
/// The LXQt sample, built against the Pane.Abstractions package of the local feed, loads from the Pane home's
/// plugins folder. Needs the feed filled by <c>dotnet pack</c> (samples/build.sh does it).
/// </summary>
public sealed class LxqtSamplePluginTests
{
    [Fact]
    public async Task Its_build_output_copied_into_the_plugins_folder_of_the_home_is_listed_by_the_catalog()
    {
        // Given
        var repository = FindRepositoryRoot();
        if (!Directory.EnumerateFiles(Path.Join(repository, "artifacts", "packages"), "Pane.Abstractions.*.nupkg").Any())
        {
            Assert.Skip("The local feed holds no Pane.Abstractions package: run `dotnet pack Pane.sln -c Release` or samples/build.sh first.");
        }

        using var folder = new PluginFolder();
        var home = Path.Join(folder.Root, "home");
        var pluginFolder = Path.Join(home, "plugins", "Pane.Samples.LxqtRecipe");
        var build = new ProcessCommand(
            "dotnet",
            ["build", Path.Join(repository, "samples", "Pane.Samples.LxqtRecipe"), "-c", "Release", "-o", pluginFolder])
        {
            Timeout = TimeSpan.FromMinutes(5),
        };
        (await new ProcessRunner().RunAsync(build, TestContext.Current.CancellationToken)).EnsureSuccess();

        // When
        var services = new ServiceCollection();
        services.AddPane(options =>
        {
            options.Home = home;
            options.SearchDefaultPluginDirectories = true;
        });
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<IPluginCatalog>();

        // Then
        Assert.False(File.Exists(Path.Join(pluginFolder, "Pane.Abstractions.dll")));
        var plugin = Assert.Single(catalog.Plugins, plugin => plugin.Name == "Pane.Samples.LxqtRecipe");
        Assert.Equal([new PluginContribution(PluginContributionKind.DesktopRecipe, "lxqt")], plugin.Contributions);
        Assert.DoesNotContain(catalog.Errors, error => error.Name == "Pane.Samples.LxqtRecipe");
        Assert.Equal("LXQt", Assert.Single(catalog.DesktopRecipes, recipe => recipe.Id == "lxqt").DisplayName);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Join(directory.FullName, "Pane.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests do not run inside the Pane repository.");
    }
}
