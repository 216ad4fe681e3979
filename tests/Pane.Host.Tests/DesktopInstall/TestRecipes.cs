using Pane.Desktops;

namespace Pane.Host.Tests.DesktopInstall;

/// <summary>Recipes for the installer's tests.</summary>
internal static class TestRecipes
{
    public static IDesktopRecipe Xfce(int minimumDiskGiB = 8) => Recipe("xfce", minimumDiskGiB, new Dictionary<DistributionFamily, DesktopPlan>
    {
        [DistributionFamily.Arch] = Plan("lightdm", "xorg-server", "xfce4", "lightdm", "lightdm-gtk-greeter"),
        [DistributionFamily.Debian] = Plan("lightdm", "xserver-xorg", "xfce4", "lightdm", "lightdm-gtk-greeter"),
        [DistributionFamily.Fedora] = Plan("lightdm", "@xfce-desktop-environment", "lightdm"),
    });

    public static IDesktopRecipe Recipe(string id, int minimumDiskGiB, Dictionary<DistributionFamily, DesktopPlan> plans)
    {
        var recipe = Substitute.For<IDesktopRecipe>();
        recipe.Id.Returns(id);
        recipe.DisplayName.Returns(id.ToUpperInvariant());
        recipe.Description.Returns("A test desktop.");
        recipe.MinimumDiskGiB.Returns(minimumDiskGiB);
        recipe.ExpectedInstallTime.Returns(TimeSpan.FromMinutes(10));
        recipe.Plans.Returns(plans);
        return recipe;
    }

    public static DesktopPlan Plan(string displayManager, params string[] packages) => new()
    {
        Packages = packages,
        DisplayManager = displayManager,
        ConflictingDisplayManagers = ["gdm", "sddm"],
        ServicesToEnable = ["NetworkManager"],
    };
}
