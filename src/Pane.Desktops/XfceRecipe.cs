namespace Pane.Desktops;

/// <summary>XFCE with LightDM: light, quick to install, and at ease without GPU acceleration.</summary>
internal sealed class XfceRecipe : IDesktopRecipe
{
    private static readonly Dictionary<DistributionFamily, DesktopPlan> s_plans = new()
    {
        [DistributionFamily.Arch] = Plan(
            "xorg-server", "xfce4", "xfce4-goodies", "lightdm", "lightdm-gtk-greeter",
            "networkmanager", "network-manager-applet", "mesa", "firefox"),
        [DistributionFamily.Debian] = Plan(
            "xserver-xorg", "xfce4", "xfce4-goodies", "lightdm", "lightdm-gtk-greeter",
            "network-manager", "network-manager-gnome", "libgl1-mesa-dri"),
        [DistributionFamily.Fedora] = Plan(
            "@xfce-desktop-environment", "lightdm", "lightdm-gtk", "NetworkManager", "mesa-dri-drivers", "firefox"),
    };

    public string Id => "xfce";

    public string DisplayName => "XFCE";

    public string Description => "A light, traditional desktop that stays quick under software rendering.";

    public int MinimumDiskGiB => 8;

    public TimeSpan ExpectedInstallTime => TimeSpan.FromMinutes(10);

    public IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans => s_plans;

    private static DesktopPlan Plan(params string[] packages) => new()
    {
        Packages = packages,
        DisplayManager = DisplayManagers.LightDm,
        ConflictingDisplayManagers = DisplayManagers.OtherThan(DisplayManagers.LightDm),
        ServicesToEnable = DesktopServices.Common,
    };
}
