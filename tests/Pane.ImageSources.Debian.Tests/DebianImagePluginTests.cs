using Microsoft.Extensions.DependencyInjection;
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
}
