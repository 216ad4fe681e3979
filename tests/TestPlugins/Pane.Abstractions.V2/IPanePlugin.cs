using Microsoft.Extensions.DependencyInjection;

namespace Pane.Plugins;

/// <summary>The plugin entry of the stand-in 2.0 contracts.</summary>
public interface IPanePlugin
{
    /// <summary>Registers the plugin's services.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    void ConfigureServices(IServiceCollection services);
}
