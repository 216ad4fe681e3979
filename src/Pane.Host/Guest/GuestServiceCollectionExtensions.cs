using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Host.DesktopInstall;
using Pane.Host.Guest.Provisioning;

namespace Pane.Host.Guest;

/// <summary>Registers the guest shell's services: sessions, provisioning and the desktop installer.</summary>
internal static class GuestServiceCollectionExtensions
{
    public static IServiceCollection AddPaneGuest(this IServiceCollection services)
    {
        services.TryAddSingleton<GuestSessionOpener>();
        services.TryAddSingleton<Provisioner>();
        services.TryAddSingleton<RootDiskGrower>();
        services.TryAddSingleton<DesktopInstaller>();
        return services;
    }
}
