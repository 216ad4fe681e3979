using Microsoft.Extensions.DependencyInjection;

namespace Pane.Plugins;

/// <summary>
/// The entry point of a Pane plugin: registers the plugin's runtime providers, desktop recipes,
/// image sources and private services into the host's service collection.
/// </summary>
/// <remarks>
/// A plugin assembly names its entry class with <see cref="PanePluginAttribute"/>. The class needs a
/// public parameterless constructor. Use <c>AddPaneRuntimeProvider</c>, <c>AddPaneDesktopRecipe</c> and
/// <c>AddPaneImageSource</c> to contribute; anything else registered is available to those contributions.
/// </remarks>
public interface IPanePlugin
{
    /// <summary>Registers the plugin's contributions and services.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    void ConfigureServices(IServiceCollection services);
}
