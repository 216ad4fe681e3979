using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Host.Images;

namespace Pane.Host.Machines;

/// <summary>Registers the machine store, launcher and controller.</summary>
internal static class MachineServiceCollectionExtensions
{
    public static IServiceCollection AddPaneMachines(this IServiceCollection services)
    {
        services.AddPaneDiskImages();
        services.AddPaneImageStore();
        services.TryAddSingleton<MachineStore>();
        services.TryAddSingleton<MachineLauncher>();
        services.TryAddSingleton<MachineController>();
        services.TryAddSingleton<WorkspaceMaintenance>();
        return services;
    }
}
