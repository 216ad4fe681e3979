namespace Pane.Host.DesktopInstall;

/// <summary>
/// The display managers Pane knows of, whatever the recipe: switching desktops must leave exactly one enabled, so the
/// installer disables all of these (and the plan's own conflicts) except the chosen one.
/// </summary>
internal static class DisplayManagerUnits
{
    public static IReadOnlyList<string> Known { get; } = ["lightdm", "gdm", "gdm3", "sddm", "lxdm", "xdm", "slim", "greetd", "ly", "nodm", "entrance"];
}
