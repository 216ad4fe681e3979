using Microsoft.Extensions.DependencyInjection;
using Pane.Images;
using Pane.Runtimes;

namespace Pane.Desktops.Tests;

public sealed class DesktopsPluginTests
{
    public sealed class ConfigureServices
    {
        [Fact]
        public void Registers_exactly_the_three_built_in_recipes()
        {
            // Given
            var services = new ServiceCollection();

            // When
            new DesktopsPlugin().ConfigureServices(services);

            // Then
            Assert.All(services, descriptor =>
            {
                Assert.Equal(typeof(IDesktopRecipe), descriptor.ServiceType);
                Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
            });
            Assert.Equal(
                [typeof(XfceRecipe), typeof(GnomeRecipe), typeof(KdeRecipe)],
                services.Select(descriptor => descriptor.ImplementationType));
        }

        [Fact]
        public void Its_recipes_resolve_and_nothing_else_is_contributed()
        {
            // Given
            var services = new ServiceCollection();
            new DesktopsPlugin().ConfigureServices(services);
            using var container = services.BuildServiceProvider();

            // When
            var ids = container.GetServices<IDesktopRecipe>().Select(recipe => recipe.Id);

            // Then
            Assert.Equal(["xfce", "gnome", "kde"], ids);
            Assert.Empty(container.GetServices<IRuntimeProvider>());
            Assert.Empty(container.GetServices<IImageSource>());
        }
    }
}
