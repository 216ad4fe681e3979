using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.TestPlugins.ThrowsOnRegistration;

[assembly: PanePlugin(typeof(ThrowsOnRegistrationPlugin))]

namespace Pane.TestPlugins.ThrowsOnRegistration;

/// <summary>Registers a recipe and a service, then throws.</summary>
public sealed class ThrowsOnRegistrationPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ThrowsOnRegistrationMarker>();
        services.AddPaneDesktopRecipe<ThrowsOnRegistrationRecipe>();
        throw new InvalidOperationException("The registration broke halfway");
    }
}
