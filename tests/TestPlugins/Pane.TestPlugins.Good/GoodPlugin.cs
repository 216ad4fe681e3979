using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.TestPlugins.Good;

[assembly: PanePlugin(typeof(GoodPlugin))]

namespace Pane.TestPlugins.Good;

/// <summary>Contributes one runtime provider and one desktop recipe, which need a service of the plugin's own.</summary>
public sealed class GoodPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<GoodGreeting>();
        services.AddPaneRuntimeProvider<GoodRuntimeProvider>();
        services.AddPaneDesktopRecipe<GoodDesktopRecipe>();
    }
}
