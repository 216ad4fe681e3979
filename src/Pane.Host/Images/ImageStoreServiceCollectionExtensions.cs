using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Host.Settings;

namespace Pane.Host.Images;

/// <summary>Registers the image store, the settings and the default-image choice.</summary>
internal static class ImageStoreServiceCollectionExtensions
{
    public static IServiceCollection AddPaneImageStore(this IServiceCollection services)
    {
        services.TryAddSingleton<PaneSettings>();
        services.TryAddSingleton<ImageStore>();
        services.TryAddSingleton<DefaultImageResolver>();
        services.TryAddSingleton<DefaultImageFallback>();
        services.TryAddSingleton<BaseImageResolver>();
        return services;
    }
}
