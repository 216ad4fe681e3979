using Pane.Desktops;
using Pane.Host.Guest;

namespace Pane.Host.DesktopInstall;

/// <summary>An install worked out for one guest: the recipe's plan for its family and the steps that carry it out.</summary>
internal sealed record DesktopInstallPlan
{
    /// <summary>Gets the recipe.</summary>
    public required IDesktopRecipe Recipe { get; init; }

    /// <summary>Gets the guest's distribution family.</summary>
    public required DistributionFamily Family { get; init; }

    /// <summary>Gets the recipe's plan for that family.</summary>
    public required DesktopPlan Plan { get; init; }

    /// <summary>Gets the root disk size the install grows to, or <see langword="null"/> when the disk is left alone.</summary>
    public int? TargetDiskGiB { get; init; }

    /// <summary>Gets the steps, in order.</summary>
    public required IReadOnlyList<GuestStep> Steps { get; init; }

    /// <summary>Gets the step that installs the packages (its output carries the progress).</summary>
    public required GuestStep InstallStep { get; init; }

    /// <summary>Gets the step that reports what the guest holds.</summary>
    public required GuestStep VerifyStep { get; init; }

    /// <summary>Gets the family's package manager.</summary>
    public required PackageManagerScript PackageManager { get; init; }

    /// <summary>Gets the display managers that must not be enabled.</summary>
    public required IReadOnlyList<string> OtherDisplayManagers { get; init; }

    /// <summary>Gets the units that must be enabled besides the display manager.</summary>
    public required IReadOnlyList<string> Services { get; init; }
}
