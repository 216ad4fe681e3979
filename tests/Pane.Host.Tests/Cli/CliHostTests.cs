using System.Runtime.Loader;
using Pane.Host.Tests.Plugins;

namespace Pane.Host.Tests.Cli;

public sealed class CliHostTests
{
    /// <summary>A Pane home whose plugins folder holds a copy of the good test plugin, and nothing else.</summary>
    private sealed class HomeWithPlugin : IDisposable
    {
        public HomeWithPlugin()
        {
            var source = Path.Join(AppContext.BaseDirectory, "TestPlugins", TestPluginNames.Good);
            var destination = Path.Join(Root, "plugins", TestPluginNames.Good);
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Join(destination, Path.GetFileName(file)));
            }
        }

        public string Root { get; } = Directory.CreateTempSubdirectory("pane-cli-host-").FullName;

        public bool PluginWasLoaded => AssemblyLoadContext.All
            .SelectMany(context => context.Assemblies)
            .Any(assembly => !assembly.IsDynamic && assembly.Location.StartsWith(Root, StringComparison.Ordinal));

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    public sealed class RunAsync
    {
        [Fact]
        public async Task Loads_the_plugins_for_a_command_that_reads_them()
        {
            // Given
            using var home = new HomeWithPlugin();

            // When
            var result = await CliRunner.RunAsync(null, "--home", home.Root, "plugins");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains(TestPluginNames.Good, result.Output, StringComparison.Ordinal);
            Assert.True(home.PluginWasLoaded);
        }
    }

    public sealed class RunWithoutPluginsAsync
    {
        [Theory]
        [InlineData("status")]
        [InlineData("image", "info", "no-such-image.img")]
        [InlineData("image", "ls", "no-such-image.img")]
        [InlineData("image", "cat", "no-such-image.img", "/etc/hostname")]
        [InlineData("image", "extract", "no-such-image.img", "/etc/hostname", "hostname")]
        public async Task Leaves_the_plugins_unloaded_for_a_command_that_needs_none(params string[] command)
        {
            // Given
            using var home = new HomeWithPlugin();

            // When
            var result = await CliRunner.RunAsync(null, ["--home", home.Root, .. command]);

            // Then
            Assert.DoesNotContain("unexpectedly", result.Error, StringComparison.Ordinal);
            Assert.False(home.PluginWasLoaded);
        }
    }
}
