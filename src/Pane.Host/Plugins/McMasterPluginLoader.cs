using System.Reflection;
using McMaster.NETCore.Plugins.Loader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pane.Plugins;

namespace Pane.Host.Plugins;

/// <summary>
/// Loads plugins with McMaster.NETCore.Plugins, sharing Pane.Abstractions, the DI abstractions and the logging
/// abstractions with the host so that the contract types are the same on both sides.
/// </summary>
/// <remarks>
/// The load context is made by the library's <see cref="AssemblyLoadContextBuilder"/> with the settings its
/// <c>PluginLoader</c> uses for shared types: prefer the host's copy of an assembly, and resolve the plugin's own
/// dependencies through its <c>deps.json</c> and its folder. <c>PluginLoader</c> itself is not used because, for
/// every plugin, it also reads each <c>*.runtimeconfig.json</c> of the plugin and of the host with reflection-based
/// JSON and lists the process's modules, which made loading the first plugin cost some 50 ms of start-up, every
/// further one several more. All that adds are extra folders, searched for a flat <c>&lt;Name&gt;.dll</c>, from a
/// runtimeconfig's <c>additionalProbingPaths</c> and the runtime package store: the SDK writes no such folders into
/// a plugin's or a host's runtimeconfig, and the store and NuGet folders it would name are laid out by package, where
/// a flat search finds nothing. The shared assemblies' own references are shared lazily, as the plugin loads them,
/// rather than by loading their whole reference graph up front for every plugin (some twenty framework assemblies).
/// </remarks>
internal sealed class McMasterPluginLoader : IPluginLoader
{
    private static readonly AssemblyName[] s_sharedAssemblies =
    [
        typeof(IPanePlugin).Assembly.GetName(),
        typeof(IServiceCollection).Assembly.GetName(),
        typeof(ILogger).Assembly.GetName(),
    ];

    public Assembly Load(string assemblyPath)
    {
        var builder = new AssemblyLoadContextBuilder()
            .SetMainAssemblyPath(assemblyPath)
            .PreferDefaultLoadContext(true)
            .IsLazyLoaded(true);
        foreach (var shared in s_sharedAssemblies)
        {
            builder.PreferDefaultLoadContextAssembly(shared);
        }

        return builder.Build().LoadFromAssemblyPath(assemblyPath);
    }
}
