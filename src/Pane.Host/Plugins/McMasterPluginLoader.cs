using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pane.Plugins;

namespace Pane.Host.Plugins;

/// <summary>
/// Loads plugins with McMaster.NETCore.Plugins, sharing Pane.Abstractions, the DI abstractions and the logging
/// abstractions with the host so that the contract types are the same on both sides.
/// </summary>
internal sealed class McMasterPluginLoader : IPluginLoader
{
    private static readonly Type[] s_sharedTypes = [typeof(IPanePlugin), typeof(IServiceCollection), typeof(ILogger)];

    public Assembly Load(string assemblyPath)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            s_sharedTypes,
            config => config.PreferSharedTypes = true);
        return loader.LoadDefaultAssembly();
    }
}
