using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Platform;

namespace Pane.Host.Platform;

/// <summary>Registers the host's platform services: process runner, host facts, hypervisor probe.</summary>
internal static class PlatformServiceCollectionExtensions
{
    public static IServiceCollection AddPanePlatform(this IServiceCollection services)
    {
        services.TryAddSingleton<IProcessRunner, ProcessRunner>();
        services.TryAddSingleton<IHostPlatform, HostPlatform>();
        return services;
    }
}
