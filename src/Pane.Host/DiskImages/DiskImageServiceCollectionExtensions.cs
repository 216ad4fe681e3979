using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Boot;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the disk-image services: filesystem opening and boot-artifact derivation.</summary>
public static class DiskImageServiceCollectionExtensions
{
    /// <summary>Adds the disk-image services, each a singleton that a registration made earlier replaces.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add services to.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddPaneDiskImages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IFileSystemOpener, ExtFileSystemOpener>();
        services.TryAddSingleton<IBootArtifactDeriver, BootArtifactDeriver>();
        services.TryAddSingleton<Pane.Host.DiskImages.Inspection.ImageBrowser>();
        return services;
    }
}
