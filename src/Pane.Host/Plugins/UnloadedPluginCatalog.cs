using Pane.Desktops;
using Pane.Images;
using Pane.Runtimes;

namespace Pane.Host.Plugins;

/// <summary>
/// The <see cref="IPluginCatalog"/> of a command that runs without plugins: it can be injected, but reading it
/// throws, because a command that reads it needs the plugins its definition said it did not.
/// </summary>
internal sealed class UnloadedPluginCatalog : IPluginCatalog
{
    private readonly string _command;

    /// <summary>Initializes a new instance of the <see cref="UnloadedPluginCatalog"/> class.</summary>
    /// <param name="command">The name of the command that runs without plugins, for the message.</param>
    public UnloadedPluginCatalog(string command)
    {
        _command = command;
    }

    public IReadOnlyList<LoadedPlugin> Plugins => throw NotLoaded();

    public IReadOnlyList<PluginLoadError> Errors => throw NotLoaded();

    public IReadOnlyList<IRuntimeProvider> RuntimeProviders => throw NotLoaded();

    public IReadOnlyList<IDesktopRecipe> DesktopRecipes => throw NotLoaded();

    public IReadOnlyList<IImageSource> ImageSources => throw NotLoaded();

    private InvalidOperationException NotLoaded() => new(
        $"The command '{_command}' runs without plugins, yet it read the plugin catalog. "
        + "Run it with CliHost.RunAsync instead of RunWithoutPluginsAsync in its definition.");
}
