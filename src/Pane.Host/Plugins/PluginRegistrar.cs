using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;

namespace Pane.Host.Plugins;

/// <summary>
/// Checks, loads and runs the entry class of one plugin at a time, into a service collection of its own, so that
/// a plugin that fails leaves nothing behind.
/// </summary>
internal sealed class PluginRegistrar
{
    private readonly IPluginLoader _loader;
    private readonly Version _hostAbstractionsVersion;
    private readonly PluginContributions _needed;
    private readonly PluginInspectionCache _inspections;

    /// <summary>Initializes a new instance of the <see cref="PluginRegistrar"/> class.</summary>
    /// <param name="loader">Loads plugin assemblies.</param>
    /// <param name="hostAbstractionsVersion">The version of the host's Pane.Abstractions assembly.</param>
    /// <param name="needed">
    /// The kinds of contribution needed; a plugin that declares only other kinds is passed over.
    /// <see cref="PluginContributions.None"/> needs every plugin.
    /// </param>
    /// <param name="inspections">What earlier runs read from unchanged plugins' metadata.</param>
    public PluginRegistrar(IPluginLoader loader, Version hostAbstractionsVersion, PluginContributions needed, PluginInspectionCache inspections)
    {
        _loader = loader;
        _hostAbstractionsVersion = hostAbstractionsVersion;
        _needed = needed;
        _inspections = inspections;
    }

    /// <summary>Tells whether a plugin declares kinds of contribution, none of them needed.</summary>
    private bool IsPassedOver(PluginContributions declared) =>
        _needed != PluginContributions.None && declared != PluginContributions.None && (declared & _needed) == 0;

    /// <summary>Loads a plugin and collects what its entry class registers.</summary>
    /// <param name="candidate">The plugin.</param>
    /// <param name="error">Why the plugin could not be used, when it could not.</param>
    /// <returns>
    /// What the plugin registered, or <see langword="null"/> when it could not be used (then with an error) or is not
    /// needed (without one).
    /// </returns>
    public PluginRegistration? Register(PluginCandidate candidate, out PluginLoadError? error)
    {
        error = Inspect(candidate, out var inspection);
        if (error is not null || IsPassedOver(inspection.Contributions))
        {
            return null;
        }

        Assembly assembly;
        Type? entryType;
        try
        {
            assembly = _loader.Load(candidate.Path);
            entryType = FindEntryType(assembly, inspection);
        }
        catch (Exception exception)
        {
            error = Fail(
                candidate,
                $"It could not be loaded: {PluginMessages.Describe(exception)}",
                "Rebuild the plugin against this host's Pane.Abstractions and copy its whole build output into the plugin's folder.");
            return null;
        }

        if (entryType is null)
        {
            error = Fail(
                candidate,
                "Its [assembly: PanePlugin(...)] attribute names no entry class.",
                "Pass the plugin's entry class to the attribute: [assembly: PanePlugin(typeof(YourPlugin))].");
            return null;
        }

        var plugin = CreateEntry(candidate, entryType, out error);
        if (plugin is null)
        {
            return null;
        }

        var services = new ServiceCollection();
        try
        {
            plugin.ConfigureServices(services);
        }
        catch (Exception exception)
        {
            error = Fail(
                candidate,
                $"Its ConfigureServices threw {PluginMessages.Describe(exception)}",
                "Report this to the plugin's author, or remove the plugin's folder; none of its services were registered.");
            return null;
        }

        var contributions = services.Where(descriptor => PluginContributionKinds.TryGetKind(descriptor, out _)).ToList();
        var privateServices = services.Except(contributions).ToList();
        return new PluginRegistration(candidate.Name, ReadVersion(assembly), candidate.Path, contributions, privateServices);
    }

    private static IPanePlugin? CreateEntry(PluginCandidate candidate, Type entryType, out PluginLoadError? error)
    {
        error = null;
        if (!typeof(IPanePlugin).IsAssignableFrom(entryType))
        {
            error = Fail(
                candidate,
                $"Its entry class {entryType.FullName} does not implement Pane.Plugins.IPanePlugin.",
                $"Make {entryType.Name} implement Pane.Plugins.IPanePlugin.");
            return null;
        }

        if (entryType.IsAbstract || entryType.GetConstructor(Type.EmptyTypes) is null)
        {
            error = Fail(
                candidate,
                $"Its entry class {entryType.FullName} has no public parameterless constructor.",
                $"Give {entryType.Name} a public parameterless constructor and register dependencies in ConfigureServices.");
            return null;
        }

        try
        {
            return (IPanePlugin)Activator.CreateInstance(entryType)!;
        }
        catch (Exception exception)
        {
            error = Fail(
                candidate,
                $"Its entry class {entryType.FullName} threw {PluginMessages.Describe(exception)}",
                "Report this to the plugin's author, or remove the plugin's folder.");
            return null;
        }
    }

    private PluginLoadError? Inspect(PluginCandidate candidate, out PluginInspection inspection)
    {
        if (_inspections.TryGet(candidate, _hostAbstractionsVersion, out inspection))
        {
            return null;
        }

        var error = PluginAssemblyInspector.Inspect(candidate, _hostAbstractionsVersion, out inspection);
        if (error is null)
        {
            _inspections.Remember(candidate, _hostAbstractionsVersion, inspection);
        }

        return error;
    }

    /// <summary>
    /// Finds the entry class by the token of its definition, which spares parsing a type name (the first parse costs
    /// some 5 ms of start-up); else by the name the inspector read; and only where that is not a plain name of this
    /// assembly's own class (an entry class of another assembly, say) by building the attribute.
    /// </summary>
    private static Type? FindEntryType(Assembly assembly, PluginInspection inspection) =>
        FindByToken(assembly, inspection)
        ?? (inspection.EntryTypeName is not { } name || name.Contains(',', StringComparison.Ordinal) ? null : assembly.GetType(name, throwOnError: false))
        ?? assembly.GetCustomAttribute<PanePluginAttribute>()?.EntryType;

    /// <summary>Resolves the inspector's token, checking that it still names the class the attribute names.</summary>
    private static Type? FindByToken(Assembly assembly, PluginInspection inspection)
    {
        if (inspection.EntryTypeToken == 0)
        {
            return null;
        }

        try
        {
            var type = assembly.ManifestModule.ResolveType(inspection.EntryTypeToken);
            return type.FullName == inspection.EntryTypeName ? type : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string ReadVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    private static PluginLoadError Fail(PluginCandidate candidate, string reason, string remedy) =>
        new(candidate.Name, candidate.Path, reason, remedy);
}
