using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Platform;
using Pane.Host.Platform.Facts;
using Pane.Platform;

namespace Pane.Host.Tests.Platform;

public sealed class PlatformServiceCollectionExtensionsTests
{
    public sealed class AddPanePlatform
    {
        [Fact]
        public void Registers_one_shared_instance_of_each_platform_service()
        {
            // Given
            var services = new ServiceCollection().AddPanePlatform();

            // When
            using var provider = services.BuildServiceProvider();

            // Then
            Assert.IsType<ProcessRunner>(provider.GetRequiredService<IProcessRunner>());
            Assert.IsType<HostPlatform>(provider.GetRequiredService<IHostPlatform>());
            Assert.IsType<HypervisorProbe>(provider.GetRequiredService<IHypervisorProbe>());
            Assert.IsType<HostFactsCollector>(provider.GetRequiredService<IHostFactsCollector>());
            Assert.Same(provider.GetRequiredService<IHypervisorProbe>(), provider.GetRequiredService<IHypervisorProbe>());
        }

        [Fact]
        public void Keeps_a_probe_registered_before_it()
        {
            // Given
            var services = new ServiceCollection().AddSingleton<IHypervisorProbe>(NullHypervisorProbe.Instance);

            // When
            services.AddPanePlatform();
            using var provider = services.BuildServiceProvider();

            // Then
            Assert.Same(NullHypervisorProbe.Instance, provider.GetRequiredService<IHypervisorProbe>());
        }
    }
}
