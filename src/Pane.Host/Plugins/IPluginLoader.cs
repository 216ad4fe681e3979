using System.Reflection;

namespace Pane.Host.Plugins;

/// <summary>
/// Loads a plugin assembly into its own load context that shares only the contract assemblies with the host.
/// </summary>
/// <remarks>The one seam over the plugin-loading library, so that it can be replaced without touching the catalog.</remarks>
internal interface IPluginLoader
{
    /// <summary>Loads a plugin's main assembly and, on demand, its private dependencies from its folder.</summary>
    /// <param name="assemblyPath">The plugin's <c>&lt;Name&gt;.dll</c>.</param>
    /// <returns>The loaded assembly.</returns>
    Assembly Load(string assemblyPath);
}
