using Microsoft.Extensions.DependencyInjection;
using Pane.Desktops;
using Pane.Host.Platform;
using Pane.Images;
using Pane.Platform;
using Pane.Runtime.QemuWhpx.Tests.TestSupport;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx.Tests;

public sealed class QemuPluginTests
{
    public sealed class ConfigureServices
    {
        [Fact]
        public void Registers_exactly_the_qemu_runtime_provider()
        {
            // Given
            var services = new ServiceCollection();

            // When
            new QemuPlugin().ConfigureServices(services);

            // Then
            var descriptor = Assert.Single(services);
            Assert.Equal(typeof(IRuntimeProvider), descriptor.ServiceType);
            Assert.Equal(typeof(QemuRuntimeProvider), descriptor.ImplementationType);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }

        [Fact]
        public void Its_provider_resolves_from_the_host_s_platform_services()
        {
            // Given
            var services = new ServiceCollection().AddPanePlatform();
            services.AddSingleton<IHypervisorProbe>(NullHypervisorProbe.Instance);
            new QemuPlugin().ConfigureServices(services);
            using var container = services.BuildServiceProvider();

            // When
            var provider = Assert.Single(container.GetServices<IRuntimeProvider>());

            // Then
            Assert.Equal("qemu", provider.Id);
            Assert.Empty(container.GetServices<IDesktopRecipe>());
            Assert.Empty(container.GetServices<IImageSource>());
        }

        [Fact]
        public async Task Its_provider_caches_what_qemu_said_in_the_Pane_home_the_host_registered()
        {
            // Given
            if (FakeQemu.Installed() is null)
            {
                Assert.Skip("qemu-system-x86_64 is not installed on this machine.");
            }

            using var temp = new TempFolder();
            var home = Substitute.For<IPaneHome>();
            home.CacheDirectory.Returns(temp.Combine("cache"));
            var services = new ServiceCollection().AddPanePlatform();
            services.AddSingleton(NullHypervisorProbe.Instance as IHypervisorProbe);
            services.AddSingleton(home);
            new QemuPlugin().ConfigureServices(services);
            using var container = services.BuildServiceProvider();
            var provider = container.GetRequiredService<IRuntimeProvider>();

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(result.IsAvailable);
            Assert.True(File.Exists(temp.Combine("cache", "qemu", "binary.txt")));
        }
    }
}
