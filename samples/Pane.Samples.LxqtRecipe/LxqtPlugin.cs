using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.Samples.LxqtRecipe;

// 3. Name the entry class: the host reads this attribute from the assembly's metadata before it loads anything.
[assembly: PanePlugin(typeof(LxqtPlugin), Contributes = PluginContributions.DesktopRecipes)]

namespace Pane.Samples.LxqtRecipe;

/// <summary>The entry class of the LXQt plugin: a public class with a public parameterless constructor.</summary>
public sealed class LxqtPlugin : IPanePlugin
{
    /// <summary>Registers the plugin's contributions; anything else registered here is available to them.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    public void ConfigureServices(IServiceCollection services)
    {
        // 4. Contribute through the Add* methods of Pane.Abstractions. If this method throws, the host discards
        // everything it registered and reports the plugin by name; other plugins still load.
        services.AddPaneDesktopRecipe<LxqtDesktopRecipe>();
    }
}
