namespace Pane.Desktops;

/// <summary>KDE Plasma with SDDM.</summary>
internal sealed class KdeRecipe : IDesktopRecipe
{
    private static readonly Dictionary<DistributionFamily, DesktopPlan> s_plans = new()
    {
        [DistributionFamily.Arch] = Plan("plasma-meta", "sddm", "konsole", "dolphin", "networkmanager", "mesa", "firefox"),
        [DistributionFamily.Debian] = Plan("kde-plasma-desktop", "sddm", "plasma-nm", "network-manager", "libgl1-mesa-dri"),
        [DistributionFamily.Fedora] = Plan("@kde-desktop-environment", "sddm", "NetworkManager", "mesa-dri-drivers", "firefox"),
    };

    public string Id => "kde";

    public string DisplayName => "KDE Plasma";

    public string Description => "A feature-rich, highly configurable desktop.";

    public int MinimumDiskGiB => 24;

    public TimeSpan ExpectedInstallTime => TimeSpan.FromMinutes(30);

    public IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans => s_plans;

    private static DesktopPlan Plan(params string[] packages) => new()
    {
        Packages = packages,
        DisplayManager = DisplayManagers.Sddm,
        ConflictingDisplayManagers = DisplayManagers.OtherThan(DisplayManagers.Sddm),
        ServicesToEnable = DesktopServices.Common,
    };
}
