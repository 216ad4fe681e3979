using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Desktops;
using Pane.Images;
using Pane.Runtimes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods that register Pane contributions (runtime providers, desktop recipes and image
/// sources) into an <see cref="IServiceCollection"/>.
/// </summary>
public static class PaneContributionServiceCollectionExtensions
{
    /// <summary>Registers a runtime provider as a singleton contribution.</summary>
    /// <typeparam name="TProvider">The provider type.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddPaneRuntimeProvider<TProvider>(this IServiceCollection services)
        where TProvider : class, IRuntimeProvider
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuntimeProvider, TProvider>());
        return services;
    }

    /// <summary>Registers a desktop recipe as a singleton contribution.</summary>
    /// <typeparam name="TRecipe">The recipe type.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddPaneDesktopRecipe<TRecipe>(this IServiceCollection services)
        where TRecipe : class, IDesktopRecipe
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDesktopRecipe, TRecipe>());
        return services;
    }

    /// <summary>Registers an image source as a singleton contribution.</summary>
    /// <typeparam name="TSource">The image source type.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddPaneImageSource<TSource>(this IServiceCollection services)
        where TSource : class, IImageSource
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IImageSource, TSource>());
        return services;
    }
}
