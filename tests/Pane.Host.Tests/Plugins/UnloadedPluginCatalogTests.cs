using Pane.Host.Plugins;

namespace Pane.Host.Tests.Plugins;

public sealed class UnloadedPluginCatalogTests
{
    public sealed class Members
    {
        public static TheoryData<string> Names() =>
            [
                nameof(IPluginCatalog.Plugins),
                nameof(IPluginCatalog.Errors),
                nameof(IPluginCatalog.RuntimeProviders),
                nameof(IPluginCatalog.DesktopRecipes),
                nameof(IPluginCatalog.ImageSources),
            ];

        [Theory]
        [MemberData(nameof(Names))]
        public void Throw_naming_the_command_and_the_fix(string member)
        {
            // Given
            var catalog = new UnloadedPluginCatalog("status");

            // When
            var error = Assert.Throws<InvalidOperationException>(() => member switch
            {
                nameof(IPluginCatalog.Plugins) => (object)catalog.Plugins,
                nameof(IPluginCatalog.Errors) => catalog.Errors,
                nameof(IPluginCatalog.RuntimeProviders) => catalog.RuntimeProviders,
                nameof(IPluginCatalog.DesktopRecipes) => catalog.DesktopRecipes,
                _ => catalog.ImageSources,
            });

            // Then
            Assert.Contains("'status'", error.Message, StringComparison.Ordinal);
            Assert.Contains("RunWithoutPluginsAsync", error.Message, StringComparison.Ordinal);
        }
    }
}
