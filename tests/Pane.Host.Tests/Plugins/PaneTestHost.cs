using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;

namespace Pane.Host.Tests.Plugins;

/// <summary>The engine hosted through <c>AddPane</c> over a temporary plugin folder and nothing else.</summary>
internal sealed class PaneTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public PaneTestHost(PluginFolder folder, Action<IServiceCollection>? before = null)
    {
        Services = new ServiceCollection();
        before?.Invoke(Services);
        Services.AddPane(options =>
        {
            options.Home = Path.Join(folder.Root, "home");
            options.SearchDefaultPluginDirectories = false;
            options.PluginDirectories.Add(folder.First);
            options.PluginDirectories.Add(folder.Second);
        });
        _provider = Services.BuildServiceProvider();
    }

    public ServiceCollection Services { get; }

    public IServiceProvider Provider => _provider;

    public IPluginCatalog Catalog => _provider.GetRequiredService<IPluginCatalog>();

    public void Dispose() => _provider.Dispose();
}
