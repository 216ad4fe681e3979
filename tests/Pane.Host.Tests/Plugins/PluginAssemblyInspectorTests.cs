using System.Runtime.Loader;
using Pane.Host.Plugins;
using Pane.Plugins;
using static Pane.Host.Tests.Plugins.TestPluginNames;

namespace Pane.Host.Tests.Plugins;

public sealed class PluginAssemblyInspectorTests
{
    public sealed class Inspect
    {
        private static readonly Version s_hostVersion = typeof(IPanePlugin).Assembly.GetName().Version!;

        [Fact]
        public void Accepts_a_good_plugin_and_reads_the_name_of_its_entry_class()
        {
            // Given
            using var folder = new PluginFolder();
            var candidate = new PluginCandidate(Good, folder.Add(Good));

            // When
            var error = PluginAssemblyInspector.Inspect(candidate, s_hostVersion, out var inspection);

            // Then
            Assert.Null(error);
            Assert.Equal("Pane.TestPlugins.Good.GoodPlugin", inspection.EntryTypeName);
        }

        [Fact]
        public void Reads_the_token_of_the_entry_class_the_plugin_defines()
        {
            // Given
            using var folder = new PluginFolder();
            var candidate = new PluginCandidate(Good, folder.Add(Good));
            var context = new AssemblyLoadContext("inspector-token", isCollectible: true);

            try
            {
                // When
                PluginAssemblyInspector.Inspect(candidate, s_hostVersion, out var inspection);

                // Then
                var entryType = context.LoadFromAssemblyPath(candidate.Path).GetType("Pane.TestPlugins.Good.GoodPlugin", throwOnError: true)!;
                Assert.Equal(entryType.MetadataToken, inspection.EntryTypeToken);
            }
            finally
            {
                context.Unload();
            }
        }

        [Theory]
        [InlineData("Pane.Runtime.QemuWhpx", PluginContributions.RuntimeProviders)]
        [InlineData("Pane.Desktops", PluginContributions.DesktopRecipes)]
        [InlineData("Pane.ImageSources", PluginContributions.ImageSources)]
        public void Reads_what_a_built_in_plugin_declares_it_contributes(string name, PluginContributions expected)
        {
            // Given
            var candidate = new PluginCandidate(name, Path.Join(AppContext.BaseDirectory, "plugins", name, name + ".dll"));

            // When
            var error = PluginAssemblyInspector.Inspect(candidate, s_hostVersion, out var inspection);

            // Then
            Assert.Null(error);
            Assert.NotNull(inspection.EntryTypeName);
            Assert.Equal(expected, inspection.Contributions);
        }

        [Fact]
        public void Reads_no_declaration_from_a_plugin_that_makes_none()
        {
            // Given
            using var folder = new PluginFolder();
            var candidate = new PluginCandidate(Good, folder.Add(Good));

            // When
            PluginAssemblyInspector.Inspect(candidate, s_hostVersion, out var inspection);

            // Then
            Assert.Equal(PluginContributions.None, inspection.Contributions);
        }

        [Fact]
        public void Rejects_a_plugin_of_a_major_version_the_host_does_not_have_without_loading_it()
        {
            // Given
            using var folder = new PluginFolder();
            var candidate = new PluginCandidate(Good, folder.Add(Good));

            // When
            var error = PluginAssemblyInspector.Inspect(candidate, new Version(1, 0, 0, 0), out _);

            // Then
            Assert.NotNull(error);
            Assert.Contains($"built against Pane.Abstractions {s_hostVersion.ToString(3)} but this host has Pane.Abstractions 1.0.0", error.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(
                AssemblyLoadContext.All.SelectMany(context => context.Assemblies),
                assembly => assembly.Location == candidate.Path);
        }

        [Fact]
        public void Rejects_a_text_file_named_dll()
        {
            // Given
            using var folder = new PluginFolder();
            var path = Path.Join(folder.First, "Text.dll");
            File.WriteAllText(path, "hello");

            // When
            var error = PluginAssemblyInspector.Inspect(new PluginCandidate("Text", path), s_hostVersion, out _);

            // Then
            Assert.Equal("Text.dll is not a .NET assembly.", error?.Reason);
        }

        [Fact]
        public void Rejects_a_native_library()
        {
            // Given
            var native = Path.Join(RuntimeEnvironmentDirectory(), OperatingSystem.IsWindows() ? "coreclr.dll" : "libcoreclr.so");

            // When
            var error = PluginAssemblyInspector.Inspect(new PluginCandidate("coreclr", native), s_hostVersion, out _);

            // Then
            Assert.Equal($"{Path.GetFileName(native)} is not a .NET assembly.", error?.Reason);
        }

        private static string RuntimeEnvironmentDirectory() => Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    }
}
