using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;
using Pane.Images;
using Pane.Platform;

namespace Pane.ImageSources.Debian.Tests;

public sealed class DebianImagePluginTests
{
    public sealed class ConfigureServices
    {
        [Fact]
        public void Contributes_the_debian_image_source_which_resolves_with_the_hosts_process_runner()
        {
            // Given
            var services = new ServiceCollection();
            services.AddSingleton(Substitute.For<IProcessRunner>());

            // When
            new DebianImagePlugin().ConfigureServices(services);
            using var container = services.BuildServiceProvider();

            // Then
            var source = Assert.Single(container.GetServices<IImageSource>());
            Assert.IsType<DebianImageSource>(source);
            Assert.Equal("debian", source.Id);
        }
    }

    public sealed class AsABuiltInPlugin
    {
        [Fact]
        public void Lands_in_its_own_folder_of_the_hosts_plugins_without_a_second_copy_of_the_contracts()
        {
            // Given
            var folder = Path.Join(AppContext.BaseDirectory, "plugins", "Pane.ImageSources.Debian");

            // When
            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

            // Then
            Assert.Contains("Pane.ImageSources.Debian.dll", files);
            Assert.DoesNotContain("Pane.Abstractions.dll", files);
        }

        [Fact]
        public void Is_loaded_by_the_engine_whose_catalog_lists_the_debian_image_source()
        {
            // Given
            var home = Directory.CreateTempSubdirectory("pane-debian-catalog-").FullName;
            try
            {
                var services = new ServiceCollection().AddPane(options => options.Home = home);

                // When
                using var container = services.BuildServiceProvider();
                var catalog = container.GetRequiredService<IPluginCatalog>();

                // Then
                Assert.Empty(catalog.Errors);
                var source = Assert.Single(catalog.ImageSources, source => source.Id == "debian");
                Assert.True(source.CanAcquire(ImageReference.Parse("debian:bookworm")));
                Assert.Contains(catalog.Plugins, plugin => plugin.Name == "Pane.ImageSources.Debian");
            }
            finally
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }
}
