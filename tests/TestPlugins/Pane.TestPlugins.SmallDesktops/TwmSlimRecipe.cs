using Pane.Desktops;

namespace Pane.TestPlugins.SmallDesktops;

/// <summary>
/// twm with SLiM, whose Debian unit has no [Install] section and starts only when /etc/X11/default-display-manager
/// names it. It asks for a 3 GiB root disk, more than the 2 GiB test image, so the install grows the disk.
/// </summary>
public sealed class TwmSlimRecipe : IDesktopRecipe
{
    /// <inheritdoc/>
    public string Id => "twm-slim";

    /// <inheritdoc/>
    public string DisplayName => "twm with SLiM";

    /// <inheritdoc/>
    public string Description => "The twm window manager behind the SLiM login manager.";

    /// <inheritdoc/>
    public int MinimumDiskGiB => 3;

    /// <inheritdoc/>
    public TimeSpan ExpectedInstallTime => TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    public IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans { get; } = new Dictionary<DistributionFamily, DesktopPlan>
    {
        [DistributionFamily.Debian] = new() { Packages = ["twm", "slim"], DisplayManager = "slim" },
    };
}
