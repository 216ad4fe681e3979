using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Host.Platform.Facts;
using Pane.Host.Platform.Kvm;
using Pane.Platform;

namespace Pane.Host.Platform;

/// <summary>Registers the host's platform services: process runner, host platform, hypervisor probe, host facts.</summary>
internal static class PlatformServiceCollectionExtensions
{
    /// <summary>Adds the platform services, each a singleton that a registration made earlier replaces.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    public static IServiceCollection AddPanePlatform(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IProcessRunner, ProcessRunner>();
        services.TryAddSingleton<IHostPlatform, HostPlatform>();
        services.TryAddSingleton<IHypervisorProbe>(provider => new HypervisorProbe(
            provider.GetService<IPaneHome>() is { } home ? new KvmVerdictCache(Path.Combine(home.CacheDirectory, "hypervisors")) : null));
        services.TryAddSingleton<IHostFactsCollector>(provider => new HostFactsCollector(provider.GetRequiredService<IHostPlatform>()));
        return services;
    }
}
