using Pane.Desktops;
using Pane.Host.DesktopInstall;

namespace Pane.Host.Tests.DesktopInstall;

public sealed class PackageProgressReaderTests
{
    private static List<PackageProgress> Read(DistributionFamily family, params string[] lines)
    {
        var reader = PackageManagerScript.For(family).CreateProgressReader();
        var seen = new List<PackageProgress>();
        foreach (var line in lines)
        {
            if (reader.TryRead(line, out var progress))
            {
                seen.Add(progress);
            }
        }

        return seen;
    }

    public sealed class TryRead
    {
        [Fact]
        public void Counts_pacmans_installing_lines()
        {
            // When
            var seen = Read(DistributionFamily.Arch, ":: Processing package changes...", "(  1/258) installing xorg-server", "(2/258) upgrading mesa", "(258/258) reinstalling xfce4-panel", "(1/1) checking keys in keyring");

            // Then
            Assert.Equal([new(1, 258), new(2, 258), new(258, 258)], seen);
        }

        [Fact]
        public void Takes_apts_total_from_its_summary_and_counts_each_package_set_up_once()
        {
            // When
            var seen = Read(
                DistributionFamily.Debian,
                "Reading package lists...",
                "1 upgraded, 2 newly installed, 0 to remove and 4 not upgraded.",
                "Unpacking lightdm (1.26.0-8) ...",
                "Setting up lightdm (1.26.0-8) ...",
                "Setting up lightdm (1.26.0-8) ...",
                "Setting up xfce4 (4.18) ...",
                "Setting up mesa (22.3) ...");

            // Then
            Assert.Equal([new(0, 3), new(1, 3), new(2, 3), new(3, 3)], seen);
        }

        [Fact]
        public void Counts_dnfs_installing_lines()
        {
            // When
            var seen = Read(DistributionFamily.Fedora, "  Installing       : xfce4-panel-4.18.6-1.fc40.x86_64      12/258", "  Running scriptlet: xfce4-panel   12/258");

            // Then
            Assert.Equal([new(12, 258)], seen);
        }
    }
}
