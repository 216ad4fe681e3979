using Microsoft.Extensions.DependencyInjection;
using Pane.Desktops;
using Pane.Plugins;

[assembly: PanePlugin(typeof(DesktopsPlugin), Contributes = PluginContributions.DesktopRecipes)]

namespace Pane.Desktops;

/// <summary>The entry of the built-in desktops plugin: contributes the <c>xfce</c>, <c>gnome</c> and <c>kde</c> recipes.</summary>
/// <remarks>
/// The Debian-family plans install no browser: one plan serves Debian, whose Firefox is <c>firefox-esr</c>, and
/// Ubuntu, which has no such package and ships Firefox as a snap.
/// </remarks>
public sealed class DesktopsPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPaneDesktopRecipe<XfceRecipe>();
        services.AddPaneDesktopRecipe<GnomeRecipe>();
        services.AddPaneDesktopRecipe<KdeRecipe>();
    }
}
