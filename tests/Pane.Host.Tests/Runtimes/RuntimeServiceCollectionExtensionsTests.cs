using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;
using Pane.Host.Runtimes;

namespace Pane.Host.Tests.Runtimes;

public sealed class RuntimeServiceCollectionExtensionsTests
{
    public sealed class AddPaneRuntimeNegotiation
    {
        [Fact]
        public void Registers_the_negotiator_over_the_plugin_catalog()
        {
            // Given
            var services = new ServiceCollection();
            services.AddSingleton(TestRuntimes.Catalog());

            // When
            services.AddPaneRuntimeNegotiation();

            // Then
            using var provider = services.BuildServiceProvider();
            Assert.IsType<RuntimeNegotiator>(provider.GetRequiredService<IRuntimeNegotiator>());
        }

        [Fact]
        public void Keeps_a_negotiator_registered_before()
        {
            // Given
            var services = new ServiceCollection();
            var mine = Substitute.For<IRuntimeNegotiator>();
            services.AddSingleton(mine);

            // When
            services.AddPaneRuntimeNegotiation();

            // Then
            using var provider = services.BuildServiceProvider();
            Assert.Same(mine, provider.GetRequiredService<IRuntimeNegotiator>());
            Assert.DoesNotContain(services, d => d.ServiceType == typeof(IPluginCatalog));
        }
    }
}
