using Pane.Desktops;

namespace Pane.Host.Tests.Plugins;

/// <summary>A recipe an embedding application registers itself, without a plugin.</summary>
public class ApplicationDesktopRecipe : IDesktopRecipe
{
    public virtual string Id => "application-desktop";

    public string DisplayName => "Application desktop";

    public string Description => "A desktop the application brings itself.";

    public int MinimumDiskGiB => 2;

    public TimeSpan ExpectedInstallTime => TimeSpan.FromMinutes(2);

    public IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans { get; } = new Dictionary<DistributionFamily, DesktopPlan>();
}
