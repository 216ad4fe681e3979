using Pane.Desktops;
using Pane.Host.Guest;

namespace Pane.Host.DesktopInstall;

/// <summary>What <c>pane install-desktop</c> was asked to do.</summary>
internal sealed record DesktopInstallRequest
{
    /// <summary>Gets the machine to install into.</summary>
    public required GuestMachineRequest Machine { get; init; }

    /// <summary>Gets the recipe's id.</summary>
    public required string RecipeId { get; init; }

    /// <summary>Gets the root disk size in GiB, or <see langword="null"/> for the recipe's minimum.</summary>
    public int? DiskGiB { get; init; }

    /// <summary>Gets how long the package install may take, or <see langword="null"/> for the recipe's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the guest's family, or <see langword="null"/> to read it from the image's os-release.</summary>
    public DistributionFamily? Family { get; init; }
}
