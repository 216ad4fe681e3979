using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.TestPlugins.EntryWithoutConstructor;

[assembly: PanePlugin(typeof(PluginWithoutConstructor))]

namespace Pane.TestPlugins.EntryWithoutConstructor;

/// <summary>An entry class that wants a constructor argument the host cannot give.</summary>
/// <param name="name">Any name.</param>
public sealed class PluginWithoutConstructor(string name) : IPanePlugin
{
    /// <summary>Gets the name.</summary>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
    }
}
