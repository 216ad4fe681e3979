using Microsoft.Extensions.DependencyInjection;

namespace Pane.Host.Runtimes;

/// <summary>Registers runtime negotiation.</summary>
internal static class RuntimeServiceCollectionExtensions
{
    public static IServiceCollection AddPaneRuntimeNegotiation(this IServiceCollection services) => services;
}
