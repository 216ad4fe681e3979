using Microsoft.Extensions.DependencyInjection;
using Pane.Desktops;
using Pane.Host.Platform;
using Pane.Images;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Tests;

public sealed class NativePluginTests
{
    public sealed class ConfigureServices
    {
        [Fact]
        public void Registers_exactly_the_native_runtime_provider()
        {
            // Given
            var services = new ServiceCollection();

            // When
            new NativePlugin().ConfigureServices(services);

            // Then
            var descriptor = Assert.Single(services);
            Assert.Equal(typeof(IRuntimeProvider), descriptor.ServiceType);
            Assert.Equal(typeof(NativeRuntimeProvider), descriptor.ImplementationType);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }

        [Fact]
        public void Its_provider_resolves_from_the_host_s_platform_services()
        {
            // Given
            var services = new ServiceCollection().AddPanePlatform();
            services.AddSingleton<IHypervisorProbe>(NullHypervisorProbe.Instance);
            var home = Substitute.For<IPaneHome>();
            home.CacheDirectory.Returns(Path.Combine(Path.GetTempPath(), "pane-native-plugin-tests", "cache"));
            services.AddSingleton(home);
            new NativePlugin().ConfigureServices(services);
            using var container = services.BuildServiceProvider();

            // When
            var provider = Assert.Single(container.GetServices<IRuntimeProvider>());

            // Then
            Assert.Equal("native", provider.Id);
            Assert.Empty(container.GetServices<IDesktopRecipe>());
            Assert.Empty(container.GetServices<IImageSource>());
        }
    }
}
