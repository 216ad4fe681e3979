using Microsoft.Extensions.DependencyInjection;
using Pane.Desktops;
using Pane.Host.Platform;
using Pane.Images;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Runtime.WslBridge.Tests;

public sealed class WslPluginTests
{
    public sealed class ConfigureServices
    {
        [Fact]
        public void Registers_exactly_the_native_runtime_provider()
        {
            // Given
            var services = new ServiceCollection();

            // When
            new WslPlugin().ConfigureServices(services);

            // Then
            var descriptor = Assert.Single(services);
            Assert.Equal(typeof(IRuntimeProvider), descriptor.ServiceType);
            Assert.Equal(typeof(WslRuntimeProvider), descriptor.ImplementationType);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }

        [Fact]
        public void Its_provider_resolves_from_the_host_s_platform_services()
        {
            // Given
            var services = new ServiceCollection().AddPanePlatform();
            services.AddSingleton<IHypervisorProbe>(NullHypervisorProbe.Instance);
            new WslPlugin().ConfigureServices(services);
            using var container = services.BuildServiceProvider();

            // When
            var provider = Assert.Single(container.GetServices<IRuntimeProvider>());

            // Then
            Assert.Equal("wsl", provider.Id);
            Assert.Empty(container.GetServices<IDesktopRecipe>());
            Assert.Empty(container.GetServices<IImageSource>());
        }
    }
}
