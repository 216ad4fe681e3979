using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Plugins;

namespace Pane.Host.Plugins;

/// <summary>Loads the plugins and registers their services and the <see cref="IPluginCatalog"/>.</summary>
internal static class PluginServiceCollectionExtensions
{
    /// <summary>The name under which the embedding application's own contributions are listed.</summary>
    public const string ApplicationPluginName = "(application)";

    /// <summary>
    /// Loads every plugin of the folders now, copies the services of each one that registered without failing,
    /// and registers a catalog that creates the contributions when it is first resolved.
    /// </summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <param name="directories">The plugin folders, in precedence order.</param>
    /// <param name="loader">Loads plugin assemblies.</param>
    /// <param name="needed">
    /// The kinds of contribution needed: a plugin whose attribute declares only other kinds is not loaded.
    /// <see cref="PluginContributions.None"/> loads every plugin.
    /// </param>
    /// <param name="inspections">
    /// What earlier runs read from unchanged plugins' metadata, saved again when a plugin was inspected anew; or
    /// <see langword="null"/> to inspect every plugin.
    /// </param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    public static IServiceCollection AddPanePlugins(
        this IServiceCollection services,
        IEnumerable<string> directories,
        IPluginLoader loader,
        PluginContributions needed = PluginContributions.None,
        PluginInspectionCache? inspections = null)
    {
        var errors = new List<PluginLoadError>();
        var candidates = PluginDiscovery.Discover(directories, errors);
        inspections ??= PluginInspectionCache.InMemory;
        var registrar = new PluginRegistrar(loader, typeof(IPanePlugin).Assembly.GetName().Version!, needed, inspections);
        var registrations = new List<PluginRegistration>();
        foreach (var candidate in candidates)
        {
            var registration = registrar.Register(candidate, out var error);
            if (registration is null)
            {
                if (error is not null)
                {
                    errors.Add(error);
                }

                continue;
            }

            CopyPrivateServices(services, registration.Services);
            registrations.Add(registration);
        }

        inspections.Save();

        services.TryAddSingleton<IPluginCatalog>(provider => PluginCatalogBuilder.Build(
            provider,
            ApplicationRegistration(services) is { Contributions.Count: > 0 } application
                ? [application, .. registrations]
                : registrations,
            errors));
        return services;
    }

    /// <summary>
    /// Adds a plugin's own services; a service type the host or the application already registered keeps its
    /// registration, so a plugin cannot replace a host service.
    /// </summary>
    private static void CopyPrivateServices(IServiceCollection services, IReadOnlyList<ServiceDescriptor> pluginServices)
    {
        var existingCount = services.Count;
        var takenTypes = new HashSet<Type>();
        for (var index = 0; index < existingCount; index++)
        {
            takenTypes.Add(services[index].ServiceType);
        }

        foreach (var descriptor in pluginServices)
        {
            if (!takenTypes.Contains(descriptor.ServiceType) || !IsTaken(services, existingCount, descriptor))
            {
                services.Add(descriptor);
            }
        }
    }

    /// <summary>Tells whether one of the first <paramref name="existingCount"/> registrations has the descriptor's type and key.</summary>
    private static bool IsTaken(IServiceCollection services, int existingCount, ServiceDescriptor descriptor)
    {
        for (var index = 0; index < existingCount; index++)
        {
            var existing = services[index];
            if (existing.ServiceType == descriptor.ServiceType && Equals(existing.ServiceKey, descriptor.ServiceKey))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The contributions registered straight into the host's collection, as a plugin of their own; read when the
    /// catalog is created so that registrations made after <c>AddPane</c> count too.
    /// </summary>
    private static PluginRegistration ApplicationRegistration(IServiceCollection services)
    {
        var contributions = services.Where(descriptor => PluginContributionKinds.TryGetKind(descriptor, out _)).ToList();
        var application = Assembly.GetEntryAssembly();
        return new PluginRegistration(
            ApplicationPluginName,
            application?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
            application?.Location ?? string.Empty,
            contributions,
            []);
    }
}
