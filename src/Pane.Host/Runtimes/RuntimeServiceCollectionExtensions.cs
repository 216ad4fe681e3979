using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pane.Host.Runtimes;

/// <summary>Registers runtime negotiation.</summary>
internal static class RuntimeServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="IRuntimeNegotiator"/> unless one is registered already.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    public static IServiceCollection AddPaneRuntimeNegotiation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IRuntimeNegotiator, RuntimeNegotiator>();
        return services;
    }
}
