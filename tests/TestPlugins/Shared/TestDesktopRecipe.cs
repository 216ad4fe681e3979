using Pane.Desktops;

namespace Pane.TestPlugins;

/// <summary>A desktop recipe with one Debian plan.</summary>
/// <param name="id">The recipe's id.</param>
public abstract class TestDesktopRecipe(string id) : IDesktopRecipe
{
    /// <inheritdoc/>
    public string Id { get; } = id;

    /// <inheritdoc/>
    public string DisplayName => $"Test desktop {Id}";

    /// <inheritdoc/>
    public string Description => "A desktop that exists only in tests.";

    /// <inheritdoc/>
    public int MinimumDiskGiB => 1;

    /// <inheritdoc/>
    public TimeSpan ExpectedInstallTime => TimeSpan.FromMinutes(1);

    /// <inheritdoc/>
    public IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans { get; } = new Dictionary<DistributionFamily, DesktopPlan>
    {
        [DistributionFamily.Debian] = new() { Packages = ["test-desktop"], DisplayManager = "lightdm" },
    };
}
