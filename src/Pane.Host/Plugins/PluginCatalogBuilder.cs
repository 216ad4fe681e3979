using Microsoft.Extensions.DependencyInjection;
using Pane.Desktops;
using Pane.Images;
using Pane.Runtimes;

namespace Pane.Host.Plugins;

/// <summary>
/// Creates every contribution of every registered plugin one at a time, so that one whose constructor throws or
/// whose id is taken is reported by its plugin's name while all the others are kept.
/// </summary>
internal sealed class PluginCatalogBuilder
{
    private readonly IServiceProvider _services;
    private readonly List<LoadedPlugin> _plugins = [];
    private readonly List<PluginLoadError> _errors;
    private readonly List<IRuntimeProvider> _runtimeProviders = [];
    private readonly List<IDesktopRecipe> _desktopRecipes = [];
    private readonly List<IImageSource> _imageSources = [];
    private readonly List<IDisposable> _owned = [];
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    private PluginCatalogBuilder(IServiceProvider services, IEnumerable<PluginLoadError> loadErrors)
    {
        _services = services;
        _errors = [.. loadErrors];
    }

    /// <summary>Creates the catalog.</summary>
    /// <param name="services">The host's service provider, which also holds the plugins' own services.</param>
    /// <param name="registrations">The registered plugins, in precedence order: an earlier one keeps a contested id.</param>
    /// <param name="loadErrors">The plugins that could not be registered.</param>
    /// <returns>The catalog.</returns>
    public static PluginCatalog Build(
        IServiceProvider services,
        IEnumerable<PluginRegistration> registrations,
        IEnumerable<PluginLoadError> loadErrors)
    {
        var builder = new PluginCatalogBuilder(services, loadErrors);
        foreach (var registration in registrations)
        {
            builder.Add(registration);
        }

        return new PluginCatalog(
            builder._plugins,
            builder._errors,
            builder._runtimeProviders,
            builder._desktopRecipes,
            builder._imageSources,
            builder._owned);
    }

    private void Add(PluginRegistration registration)
    {
        var contributions = new List<PluginContribution>();
        foreach (var descriptor in registration.Contributions)
        {
            PluginContributionKinds.TryGetKind(descriptor, out var kind);
            var contribution = TryCreate(registration, descriptor, kind);
            if (contribution is not null)
            {
                contributions.Add(contribution);
            }
        }

        _plugins.Add(new LoadedPlugin(registration.Name, registration.Version, registration.Path, contributions));
    }

    private PluginContribution? TryCreate(PluginRegistration registration, ServiceDescriptor descriptor, PluginContributionKind kind)
    {
        var kindText = PluginContributionKinds.Describe(kind);
        object instance;
        string id;
        try
        {
            instance = descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(_services)
                ?? ActivatorUtilities.CreateInstance(_services, descriptor.ImplementationType!);
            id = kind switch
            {
                PluginContributionKind.RuntimeProvider => ((IRuntimeProvider)instance).Id,
                PluginContributionKind.DesktopRecipe => ((IDesktopRecipe)instance).Id,
                _ => ((IImageSource)instance).Id,
            };
        }
        catch (Exception exception)
        {
            var typeName = descriptor.ImplementationType?.FullName ?? "factory";
            _errors.Add(new PluginLoadError(
                registration.Name,
                registration.Path,
                $"Its {kindText} {typeName} threw {PluginMessages.Describe(exception)}",
                "Report this to the plugin's author; the plugin's other contributions still work."));
            return null;
        }

        if (descriptor.ImplementationInstance is null && instance is IDisposable disposable)
        {
            _owned.Add(disposable);
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            _errors.Add(new PluginLoadError(
                registration.Name,
                registration.Path,
                $"Its {kindText} {instance.GetType().FullName} has an empty id.",
                "Report this to the plugin's author; the plugin's other contributions still work."));
            return null;
        }

        var ownerKey = $"{kindText}/{id}";
        if (_owners.TryGetValue(ownerKey, out var owner))
        {
            _errors.Add(new PluginLoadError(
                registration.Name,
                registration.Path,
                $"Its {kindText} id '{id}' is already contributed by plugin '{owner}'.",
                $"Remove one of the two plugins; until then the {kindText} '{id}' of '{owner}' is used."));
            return null;
        }

        _owners.Add(ownerKey, registration.Name);
        switch (kind)
        {
            case PluginContributionKind.RuntimeProvider:
                _runtimeProviders.Add((IRuntimeProvider)instance);
                break;
            case PluginContributionKind.DesktopRecipe:
                _desktopRecipes.Add((IDesktopRecipe)instance);
                break;
            default:
                _imageSources.Add((IImageSource)instance);
                break;
        }

        return new PluginContribution(kind, id);
    }
}
