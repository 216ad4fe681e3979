using Microsoft.Extensions.DependencyInjection;
using Pane.Plugins;
using Pane.TestPlugins.SmallDesktops;

[assembly: PanePlugin(typeof(SmallDesktopsPlugin))]

namespace Pane.TestPlugins.SmallDesktops;

/// <summary>
/// Two real but small Debian recipes for the end-to-end install on the Debian image: the twm window manager under
/// two different display managers, so switching between them can be checked in a real guest in minutes.
/// </summary>
public sealed class SmallDesktopsPlugin : IPanePlugin
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddPaneDesktopRecipe<TwmSlimRecipe>();
        services.AddPaneDesktopRecipe<TwmGreetdRecipe>();
    }
}
