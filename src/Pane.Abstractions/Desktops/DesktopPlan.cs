namespace Pane.Desktops;

/// <summary>What to install and enable for a desktop on one distribution family.</summary>
public sealed record DesktopPlan
{
    /// <summary>Gets the packages to install, by the family's package names.</summary>
    public required IReadOnlyList<string> Packages { get; init; }

    /// <summary>Gets the systemd unit of the display manager to enable, such as <c>lightdm</c>.</summary>
    public required string DisplayManager { get; init; }

    /// <summary>Gets the display managers to disable so that exactly one is enabled.</summary>
    public IReadOnlyList<string> ConflictingDisplayManagers { get; init; } = [];

    /// <summary>Gets further systemd units to enable, such as <c>NetworkManager</c>.</summary>
    public IReadOnlyList<string> ServicesToEnable { get; init; } = [];
}
