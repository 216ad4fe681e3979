using System.Globalization;
using System.Text.RegularExpressions;
using Pane.Desktops;

namespace Pane.Host.DesktopInstall;

/// <summary>Debian's apt: package lists refreshed (an error in any source fails the step), then a non-interactive install.</summary>
internal sealed partial class AptScript : PackageManagerScript
{
    private const string Environment = "export DEBIAN_FRONTEND=noninteractive APT_LISTCHANGES_FRONTEND=none";

    public override DistributionFamily Family => DistributionFamily.Debian;

    public override IReadOnlyList<string> DiskToolPackages { get; } = ["fdisk", "e2fsprogs"];

    public override string Prepare => $"""
        set -e
        {Environment}
        apt-get -q -o APT::Color=0 update --error-on=any
        """;

    public override string Install(IReadOnlyList<string> packages) => $"""
        set -e
        {Environment}
        apt-get -q -y -o APT::Color=0 -o Dpkg::Progress-Fancy=0 -o Dpkg::Use-Pty=0 install {Words(packages)}
        """;

    public override string IsInstalledCondition() => "dpkg-query -W -f='${Status}' \"$package\" 2>/dev/null | grep -q 'install ok installed'";

    public override IPackageProgressReader CreateProgressReader() => new Reader();

    /// <summary>apt's summary, <c>0 upgraded, 258 newly installed, 0 to remove and 3 not upgraded.</c></summary>
    [GeneratedRegex(@"^(?<upgraded>\d+) upgraded, (?<installed>\d+) newly installed")]
    private static partial Regex Summary();

    /// <summary>dpkg's <c>Setting up xfce4-panel (4.18.2-1) ...</c>.</summary>
    [GeneratedRegex(@"^Setting up (?<package>\S+) ")]
    private static partial Regex SettingUp();

    private sealed class Reader : IPackageProgressReader
    {
        private readonly HashSet<string> _done = new(StringComparer.Ordinal);
        private int _total;

        public bool TryRead(string line, out PackageProgress progress)
        {
            var summary = Summary().Match(line);
            if (summary.Success)
            {
                _total = int.Parse(summary.Groups["upgraded"].Value, CultureInfo.InvariantCulture) + int.Parse(summary.Groups["installed"].Value, CultureInfo.InvariantCulture);
                progress = new PackageProgress(_done.Count, _total);
                return true;
            }

            var setUp = SettingUp().Match(line);
            if (setUp.Success && _done.Add(setUp.Groups["package"].Value))
            {
                progress = new PackageProgress(_done.Count, Math.Max(_total, _done.Count));
                return true;
            }

            progress = default;
            return false;
        }
    }
}
