using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.TestPlugins.ThrowingContribution;

[assembly: PanePlugin(typeof(ThrowingContributionPlugin))]

namespace Pane.TestPlugins.ThrowingContribution;

/// <summary>Contributes a runtime provider whose constructor throws, and a recipe that works.</summary>
public sealed class ThrowingContributionPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddPaneRuntimeProvider<ThrowingRuntimeProvider>();
        services.AddPaneDesktopRecipe<SurvivingRecipe>();
    }
}
