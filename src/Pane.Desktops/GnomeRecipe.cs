namespace Pane.Desktops;

/// <summary>GNOME with GDM.</summary>
internal sealed class GnomeRecipe : IDesktopRecipe
{
    private static readonly Dictionary<DistributionFamily, DesktopPlan> s_plans = new()
    {
        [DistributionFamily.Arch] = Plan("gnome", "gdm", "networkmanager", "mesa", "firefox"),
        [DistributionFamily.Debian] = Plan("gnome-core", "gdm3", "network-manager", "libgl1-mesa-dri"),
        [DistributionFamily.Fedora] = Plan("@workstation-product-environment", "gdm", "NetworkManager", "mesa-dri-drivers", "firefox"),
    };

    public string Id => "gnome";

    public string DisplayName => "GNOME";

    public string Description => "A modern, full-screen-oriented desktop; smoothest with GPU acceleration.";

    public int MinimumDiskGiB => 24;

    public TimeSpan ExpectedInstallTime => TimeSpan.FromMinutes(30);

    public IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans => s_plans;

    private static DesktopPlan Plan(params string[] packages) => new()
    {
        Packages = packages,
        DisplayManager = DisplayManagers.Gdm,
        ConflictingDisplayManagers = DisplayManagers.OtherThan(DisplayManagers.Gdm),
        ServicesToEnable = DesktopServices.Common,
    };
}
