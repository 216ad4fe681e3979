using System.IO.Abstractions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pane.Host.Guest;
using Pane.Host.Hosting;
using Pane.Host.Machines;
using Pane.Host.Platform;
using Pane.Host.Plugins;
using Pane.Host.Runtimes;
using Pane.Platform;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Extension methods that host the Pane engine in an <see cref="IServiceCollection"/>.</summary>
public static class PaneServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Pane engine with default options: the Pane home, the platform services, runtime negotiation,
    /// and every plugin of the plugin folders with the <see cref="IPluginCatalog"/> that lists them.
    /// </summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="Pane.PaneException">The Pane home folder cannot be found.</exception>
    public static IServiceCollection AddPane(this IServiceCollection services) => services.AddPane(static _ => { });

    /// <summary>
    /// Registers the Pane engine: the Pane home, the platform services, runtime negotiation, and every plugin of
    /// the plugin folders with the <see cref="IPluginCatalog"/> that lists them.
    /// </summary>
    /// <remarks>
    /// Plugins are loaded, and their entry classes run, during this call, so call it only where the engine is
    /// needed. Their runtime providers, desktop recipes and image sources are created when the
    /// <see cref="IPluginCatalog"/> is first resolved; read them from the catalog. Services registered before this
    /// call win over the engine's defaults and over the plugins' services; the plugins folder of the Pane home is
    /// searched when the <see cref="Pane.Platform.IPaneHome"/> is the engine's or an instance. When an
    /// <see cref="IPluginCatalog"/> is registered already, no plugin is loaded. Calling it again does nothing.
    /// </remarks>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <param name="configure">Sets the <see cref="PaneOptions"/>.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="Pane.PaneException">The Pane home folder cannot be found.</exception>
    public static IServiceCollection AddPane(this IServiceCollection services, Action<PaneOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(PaneEngineMarker)))
        {
            return services;
        }

        services.AddSingleton<PaneEngineMarker>();
        var options = new PaneOptions();
        configure(options);
        services.TryAddSingleton(options);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IPaneHome)))
        {
            services.AddSingleton<IPaneHome>(new PaneHome(PaneHomeLocator.Locate(options.Home, SystemEnvironmentReader.Instance)));
        }

        services.TryAddSingleton<IFileSystem, FileSystem>();
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(NullLogger<>)));
        services.AddPanePlatform();
        services.AddPaneRuntimeNegotiation();
        services.AddPaneMachines();
        services.AddPaneGuest();
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IPluginCatalog)))
        {
            return services;
        }

        var home = RegisteredHome(services);
        return services.AddPanePlugins(
            PluginDirectories(home, options),
            new McMasterPluginLoader(),
            options.NeededContributions,
            home is null ? null : PluginInspectionCache.Open(Path.Join(home.CacheDirectory, "plugins")));
    }

    private static IPaneHome? RegisteredHome(IServiceCollection services) =>
        services
            .Where(descriptor => descriptor.ServiceType == typeof(IPaneHome) && !descriptor.IsKeyedService)
            .Select(descriptor => descriptor.ImplementationInstance)
            .LastOrDefault() as IPaneHome;

    private static List<string> PluginDirectories(IPaneHome? home, PaneOptions options)
    {
        var directories = new List<string>();
        if (options.SearchDefaultPluginDirectories)
        {
            directories.Add(Path.Join(AppContext.BaseDirectory, "plugins"));
            if (home is not null)
            {
                directories.Add(home.PluginsDirectory);
            }
        }

        directories.AddRange(options.PluginDirectories);
        return directories;
    }
}
