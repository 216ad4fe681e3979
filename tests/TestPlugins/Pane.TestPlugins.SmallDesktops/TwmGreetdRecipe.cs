using Pane.Desktops;

namespace Pane.TestPlugins.SmallDesktops;

/// <summary>twm with greetd, whose Debian package enables itself as display-manager.service when installed.</summary>
public sealed class TwmGreetdRecipe : IDesktopRecipe
{
    /// <inheritdoc/>
    public string Id => "twm-greetd";

    /// <inheritdoc/>
    public string DisplayName => "twm with greetd";

    /// <inheritdoc/>
    public string Description => "The twm window manager behind the greetd login daemon.";

    /// <inheritdoc/>
    public int MinimumDiskGiB => 2;

    /// <inheritdoc/>
    public TimeSpan ExpectedInstallTime => TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    public IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans { get; } = new Dictionary<DistributionFamily, DesktopPlan>
    {
        [DistributionFamily.Debian] = new() { Packages = ["twm", "greetd"], DisplayManager = "greetd" },
    };
}
