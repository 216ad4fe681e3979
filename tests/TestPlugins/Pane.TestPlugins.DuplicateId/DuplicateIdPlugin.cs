using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.TestPlugins.DuplicateId;

[assembly: PanePlugin(typeof(DuplicateIdPlugin))]

namespace Pane.TestPlugins.DuplicateId;

/// <summary>Claims the good plugin's runtime id, and contributes a recipe of its own.</summary>
public sealed class DuplicateIdPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddPaneRuntimeProvider<DuplicateRuntimeProvider>();
        services.AddPaneDesktopRecipe<DuplicateOwnRecipe>();
    }
}
