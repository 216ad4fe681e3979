namespace Pane.Desktops;

/// <summary>
/// The systemd units of the display managers the built-in recipes use. Exactly one may be enabled, so each plan
/// disables the others.
/// </summary>
/// <remarks>
/// GNOME's manager is <c>gdm</c> on every family: Debian names the package <c>gdm3</c>, but its unit file is
/// <c>gdm.service</c> and <c>gdm3.service</c> only an alias of it.
/// </remarks>
internal static class DisplayManagers
{
    public const string LightDm = "lightdm";

    public const string Gdm = "gdm";

    public const string Sddm = "sddm";

    public static IReadOnlyList<string> All { get; } = [LightDm, Gdm, Sddm];

    public static IReadOnlyList<string> OtherThan(string displayManager) =>
        [.. All.Where(candidate => candidate != displayManager)];
}
