namespace Pane.Desktops;

/// <summary>The systemd units every built-in desktop enables besides its display manager.</summary>
internal static class DesktopServices
{
    /// <summary>
    /// NetworkManager, which the desktops' network applets drive, and the weekly TRIM that hands space freed in
    /// the guest back to the host's sparse disk image.
    /// </summary>
    public static IReadOnlyList<string> Common { get; } = ["NetworkManager", "fstrim.timer"];
}
