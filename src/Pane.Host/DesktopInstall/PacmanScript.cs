using System.Globalization;
using System.Text.RegularExpressions;
using Pane.Desktops;

namespace Pane.Host.DesktopInstall;

/// <summary>
/// Arch's pacman. The keyring of a fresh image is not initialised, so it is initialised and populated, then
/// <c>archlinux-keyring</c> is refreshed before anything else is installed (an old keyring rejects newer packagers' keys).
/// </summary>
internal sealed partial class PacmanScript : PackageManagerScript
{
    public override DistributionFamily Family => DistributionFamily.Arch;

    public override IReadOnlyList<string> DiskToolPackages { get; } = ["util-linux", "e2fsprogs"];

    public override string Prepare => """
        set -e
        pacman-key --init
        pacman-key --populate archlinux
        pacman -Sy --noconfirm --needed --noprogressbar archlinux-keyring
        """;

    public override string Install(IReadOnlyList<string> packages) =>
        $"set -e\npacman -S --noconfirm --needed --noprogressbar {Words(packages)}";

    public override string IsInstalledCondition() => "pacman -Q \"$package\" >/dev/null 2>&1 || pacman -Qg \"$package\" >/dev/null 2>&1";

    public override IPackageProgressReader CreateProgressReader() => new CounterLineProgressReader(Step());

    /// <summary>pacman's <c>(12/258) installing xfce4-panel</c>.</summary>
    [GeneratedRegex(@"\(\s*(?<done>\d+)/(?<total>\d+)\) (?:installing|upgrading|reinstalling) ")]
    private static partial Regex Step();
}
