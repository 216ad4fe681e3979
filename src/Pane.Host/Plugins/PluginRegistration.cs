using Microsoft.Extensions.DependencyInjection;

namespace Pane.Host.Plugins;

/// <summary>A plugin whose entry class registered its services without failing.</summary>
/// <param name="Name">The plugin's name.</param>
/// <param name="Version">The plugin assembly's informational version.</param>
/// <param name="Path">The plugin assembly's file.</param>
/// <param name="Contributions">The runtime providers, desktop recipes and image sources it registered.</param>
/// <param name="Services">Everything else it registered, for its contributions to depend on.</param>
internal sealed record PluginRegistration(
    string Name,
    string Version,
    string Path,
    IReadOnlyList<ServiceDescriptor> Contributions,
    IReadOnlyList<ServiceDescriptor> Services);
