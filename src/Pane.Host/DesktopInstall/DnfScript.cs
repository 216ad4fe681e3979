using System.Globalization;
using System.Text.RegularExpressions;
using Pane.Desktops;

namespace Pane.Host.DesktopInstall;

/// <summary>Fedora's dnf; <c>@name</c> entries are groups or environments, checked through dnf's lists of installed ones.</summary>
internal sealed partial class DnfScript : PackageManagerScript
{
    public override DistributionFamily Family => DistributionFamily.Fedora;

    public override IReadOnlyList<string> DiskToolPackages { get; } = ["util-linux", "e2fsprogs"];

    public override string Prepare => """
        set -e
        dnf -y makecache
        """;

    public override string Install(IReadOnlyList<string> packages) => $"set -e\ndnf -y install {Words(packages)}";

    public override string IsInstalledCondition() =>
        "case \"$package\" in @*) { dnf -q environment list --installed; dnf -q group list --installed; } 2>/dev/null | grep -qw -- \"${package#@}\" ;; *) rpm -q \"$package\" >/dev/null 2>&1 ;; esac";

    public override IPackageProgressReader CreateProgressReader() => new CounterLineProgressReader(Step());

    /// <summary>dnf's <c>  Installing       : xfce4-panel-4.18.6-1.fc40.x86_64    12/258</c>.</summary>
    [GeneratedRegex(@"^\s*(?:Installing|Upgrading|Reinstalling)\s*:.*?\s(?<done>\d+)/(?<total>\d+)\s*$")]
    private static partial Regex Step();
}
