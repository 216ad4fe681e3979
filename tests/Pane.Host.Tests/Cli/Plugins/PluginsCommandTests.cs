using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;
using Pane.Host.Tests.Runtimes;

namespace Pane.Host.Tests.Cli.Plugins;

public sealed class PluginsCommandTests
{
    private static IPluginCatalog Catalog(bool withError)
    {
        var catalog = TestRuntimes.Catalog();
        catalog.Plugins.Returns(
        [
            new LoadedPlugin(
                "Pane.Runtime.QemuWhpx",
                "0.1.0",
                "/opt/pane/plugins/Pane.Runtime.QemuWhpx/Pane.Runtime.QemuWhpx.dll",
                [new PluginContribution(PluginContributionKind.RuntimeProvider, "qemu")]),
            new LoadedPlugin(
                "Pane.Desktops",
                "0.2.0",
                "/opt/pane/plugins/Pane.Desktops/Pane.Desktops.dll",
                [
                    new PluginContribution(PluginContributionKind.DesktopRecipe, "xfce"),
                    new PluginContribution(PluginContributionKind.DesktopRecipe, "kde"),
                    new PluginContribution(PluginContributionKind.ImageSource, "arch"),
                ]),
        ]);
        catalog.Errors.Returns(withError
            ? [new PluginLoadError("Broken", "/home/u/pane/plugins/Broken/Broken.dll", "It is not a .NET assembly.", "Remove the folder.")]
            : []);
        return catalog;
    }

    public sealed class Execute
    {
        [Fact]
        public async Task Lists_each_plugin_with_version_contributions_and_path()
        {
            // Given
            var catalog = Catalog(withError: false);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "plugins");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(
                [
                    "PLUGIN                 VERSION  CONTRIBUTES                                PATH",
                    "Pane.Runtime.QemuWhpx  0.1.0    runtime qemu                               /opt/pane/plugins/Pane.Runtime.QemuWhpx/Pane.Runtime.QemuWhpx.dll",
                    "Pane.Desktops          0.2.0    recipe xfce, recipe kde, imageSource arch  /opt/pane/plugins/Pane.Desktops/Pane.Desktops.dll",
                ],
                result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Empty(result.Error);
        }

        [Fact]
        public async Task Warns_about_each_plugin_that_failed_to_load_and_still_exits_0()
        {
            // Given
            var catalog = Catalog(withError: true);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "plugins");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Pane.Desktops", result.Output, StringComparison.Ordinal);
            Assert.Equal(
                [
                    "warning: plugin 'Broken' (/home/u/pane/plugins/Broken/Broken.dll): It is not a .NET assembly.",
                    "  remedy: Remove the folder.",
                ],
                result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public async Task Says_so_when_no_plugin_loaded()
        {
            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(TestRuntimes.Catalog()), "plugins");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("No plugins loaded.", result.Output.Trim());
        }

        [Fact]
        public async Task Json_has_the_documented_shape()
        {
            // Given
            var catalog = Catalog(withError: true);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "plugins", "--json");

            // Then
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            var root = json.RootElement;
            Assert.Equal(["plugins", "errors"], root.EnumerateObject().Select(p => p.Name));
            var desktops = root.GetProperty("plugins")[1];
            Assert.Equal("Pane.Desktops", desktops.GetProperty("name").GetString());
            Assert.Equal("0.2.0", desktops.GetProperty("version").GetString());
            Assert.Equal("/opt/pane/plugins/Pane.Desktops/Pane.Desktops.dll", desktops.GetProperty("path").GetString());
            Assert.Equal(
                ["recipe:xfce", "recipe:kde", "imageSource:arch"],
                desktops.GetProperty("contributions").EnumerateArray()
                    .Select(c => $"{c.GetProperty("kind").GetString()}:{c.GetProperty("id").GetString()}"));
            var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
            Assert.Equal("Broken", error.GetProperty("name").GetString());
            Assert.Equal("/home/u/pane/plugins/Broken/Broken.dll", error.GetProperty("path").GetString());
            Assert.Equal("It is not a .NET assembly.", error.GetProperty("reason").GetString());
            Assert.Equal("Remove the folder.", error.GetProperty("remedy").GetString());
        }
    }
}
