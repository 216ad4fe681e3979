using Microsoft.Extensions.DependencyInjection;
using Pane.Desktops;
using Pane.Images;
using Pane.Runtimes;

namespace Pane.Host.Plugins;

/// <summary>Tells contributions apart from a plugin's other services, and names their kinds.</summary>
internal static class PluginContributionKinds
{
    /// <summary>Finds out whether a registration is a contribution, and of which kind.</summary>
    /// <param name="descriptor">The registration.</param>
    /// <param name="kind">The kind of contribution, when it is one.</param>
    /// <returns><see langword="true"/> when the registration is a runtime provider, desktop recipe or image source.</returns>
    public static bool TryGetKind(ServiceDescriptor descriptor, out PluginContributionKind kind)
    {
        kind = default;
        if (descriptor.IsKeyedService)
        {
            return false;
        }

        if (descriptor.ServiceType == typeof(IRuntimeProvider))
        {
            kind = PluginContributionKind.RuntimeProvider;
            return true;
        }

        if (descriptor.ServiceType == typeof(IDesktopRecipe))
        {
            kind = PluginContributionKind.DesktopRecipe;
            return true;
        }

        if (descriptor.ServiceType == typeof(IImageSource))
        {
            kind = PluginContributionKind.ImageSource;
            return true;
        }

        return false;
    }

    /// <summary>Names a kind of contribution the way a sentence does.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>For example <c>runtime provider</c>.</returns>
    public static string Describe(PluginContributionKind kind) => kind switch
    {
        PluginContributionKind.RuntimeProvider => "runtime provider",
        PluginContributionKind.DesktopRecipe => "desktop recipe",
        PluginContributionKind.ImageSource => "image source",
        _ => kind.ToString(),
    };
}
