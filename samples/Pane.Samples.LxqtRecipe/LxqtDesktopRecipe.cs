using Pane.Desktops;

namespace Pane.Samples.LxqtRecipe;

/// <summary>
/// LXQt, a lightweight Qt desktop. A recipe says what a guest needs; the host's desktop installer decides how to
/// install it, and checks the result.
/// </summary>
public sealed class LxqtDesktopRecipe : IDesktopRecipe
{
    /// <summary>Gets the id users pass to <c>--de</c>; it must not be taken by another plugin.</summary>
    public string Id => "lxqt";

    /// <summary>Gets the name shown in listings.</summary>
    public string DisplayName => "LXQt";

    /// <summary>Gets one sentence on what the desktop is.</summary>
    public string Description => "A lightweight Qt desktop that starts fast on small machines.";

    /// <summary>Gets the smallest root disk the desktop fits in with room to use it.</summary>
    public int MinimumDiskGiB => 6;

    /// <summary>Gets how long an install usually takes.</summary>
    public TimeSpan ExpectedInstallTime => TimeSpan.FromMinutes(15);

    /// <summary>Gets the plan for each distribution family the recipe supports.</summary>
    public IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans { get; } = new Dictionary<DistributionFamily, DesktopPlan>
    {
        // 5. One plan per distribution family, in that family's package names.
        [DistributionFamily.Arch] = new()
        {
            Packages = ["xorg-server", "lxqt", "breeze-icons", "sddm", "networkmanager", "firefox"],
            DisplayManager = "sddm",
            ConflictingDisplayManagers = ["lightdm", "gdm", "lxdm"],
            ServicesToEnable = ["NetworkManager"],
        },
        [DistributionFamily.Debian] = new()
        {
            Packages = ["xorg", "lxqt", "sddm", "network-manager", "firefox-esr"],
            DisplayManager = "sddm",
            ConflictingDisplayManagers = ["lightdm", "gdm3", "lxdm"],
            ServicesToEnable = ["NetworkManager"],
        },
    };
}
