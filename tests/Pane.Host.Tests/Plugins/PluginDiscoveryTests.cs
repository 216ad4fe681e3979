using Pane.Host.Plugins;
using static Pane.Host.Tests.Plugins.TestPluginNames;

namespace Pane.Host.Tests.Plugins;

public sealed class PluginDiscoveryTests
{
    public sealed class Discover
    {
        [Fact]
        public void Finds_each_folder_holding_its_namesake_dll_in_folder_order_then_by_name()
        {
            // Given
            using var folder = new PluginFolder();
            var good = folder.Add(Good);
            var noEntry = folder.Add(NoEntry);
            var duplicate = folder.Add(DuplicateId, intoSecond: true);
            var errors = new List<PluginLoadError>();

            // When
            var candidates = PluginDiscovery.Discover([folder.First, folder.Second], errors);

            // Then
            Assert.Equal(
                [new PluginCandidate(Good, good), new PluginCandidate(NoEntry, noEntry), new PluginCandidate(DuplicateId, duplicate)],
                candidates);
            Assert.Empty(errors);
        }

        [Fact]
        public void Reports_a_folder_without_its_namesake_dll()
        {
            // Given
            using var folder = new PluginFolder();
            var stray = Path.Join(folder.First, "Stray");
            Directory.CreateDirectory(stray);
            File.WriteAllText(Path.Join(stray, "Other.dll"), "not this one");
            var errors = new List<PluginLoadError>();

            // When
            var candidates = PluginDiscovery.Discover([folder.First], errors);

            // Then
            Assert.Empty(candidates);
            Assert.Equal(
                new PluginLoadError(
                    "Stray",
                    Path.Join(stray, "Stray.dll"),
                    $"The plugin folder '{stray}' holds no Stray.dll.",
                    "Put the plugin's build output in a folder named after its assembly, or remove the folder."),
                Assert.Single(errors));
        }

        [Fact]
        public void Reports_the_second_of_two_plugins_with_one_name()
        {
            // Given
            using var folder = new PluginFolder();
            var first = folder.Add(Good);
            var second = folder.Add(Good, intoSecond: true);
            var errors = new List<PluginLoadError>();

            // When
            var candidates = PluginDiscovery.Discover([folder.First, folder.Second], errors);

            // Then
            Assert.Equal([new PluginCandidate(Good, first)], candidates);
            Assert.Equal(
                new PluginLoadError(Good, second, $"A plugin named '{Good}' is already loaded from '{first}'.", "Remove one of the two copies."),
                Assert.Single(errors));
        }

        [Fact]
        public void Skips_missing_folders_and_searches_a_repeated_folder_once()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);
            var errors = new List<PluginLoadError>();

            // When
            var candidates = PluginDiscovery.Discover(
                [Path.Join(folder.Root, "missing"), folder.First, folder.First + Path.DirectorySeparatorChar + "."],
                errors);

            // Then
            Assert.Equal([Good], candidates.Select(candidate => candidate.Name));
            Assert.Empty(errors);
        }
    }
}
