using System.Diagnostics;
using Pane.Host.DesktopInstall;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Ext4;
using Pane.Host.Machines;
using Pane.Host.Platform;
using Pane.Platform;
using Pane.Tests.Fixtures;

namespace Pane.Host.Tests.Cli.InstallDesktop;

/// <summary>
/// The real <c>pane install-desktop</c> on the Debian image of tests/fixtures/debian under QEMU (TCG here), with two
/// small real recipes of a plugin in the Pane home (tests/TestPlugins/Pane.TestPlugins.SmallDesktops): twm with SLiM,
/// which asks for a 3 GiB disk so the 2 GiB image's overlay, partition and ext4 root grow, then twm with greetd, then
/// SLiM again. The guest fetches the packages from the host's apt source through QEMU's user network. After each
/// install the root overlay is read on the host: the packages, exactly one display manager linked, Debian's
/// default-display-manager naming it, and the root filesystem's size.
/// </summary>
[Collection(GuestBoots.Name)]
public sealed class InstallDesktopDebianEndToEndTests : IDisposable
{
    private const long GiB = 1024L * 1024 * 1024;
    private const string PluginName = "Pane.TestPlugins.SmallDesktops";

    private static readonly string s_host = Path.Join(AppContext.BaseDirectory, "pane.dll");
    private readonly BootHome _boot = new("pane-desktop-e2e-");

    public void Dispose() => _boot.Dispose();

    [Fact]
    public async Task Installs_a_plugins_small_recipes_from_the_hosts_apt_source_growing_the_disk_and_switching_display_managers_there_and_back()
    {
        // Given
        var image = Path.Join(Environment.GetEnvironmentVariable("PANE_TEST_DEBIAN_IMAGE") ?? string.Empty, "debian.raw");
        if (!Path.IsPathRooted(image) || !File.Exists(image))
        {
            Assert.Skip("PANE_TEST_DEBIAN_IMAGE does not name a folder with debian.raw: build it with tests/fixtures/debian/build-debian-image.sh and export the folder it prints (eng/test.sh does).");
        }

        var plugin = Directory.CreateDirectory(Path.Join(_boot.Path, "plugins", PluginName)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Join(AppContext.BaseDirectory, "TestPlugins", PluginName)))
        {
            File.Copy(file, Path.Join(plugin, Path.GetFileName(file)));
        }

        // When
        var slim = await InstallAsync("twm-slim", "--image", image);
        var afterSlim = ReadOverlay();
        var greetd = await InstallAsync("twm-greetd");
        var afterGreetd = ReadOverlay();
        var slimAgain = await InstallAsync("twm-slim");
        var afterSlimAgain = ReadOverlay();
        var transcript = await File.ReadAllTextAsync(Path.Join(_boot.Path, "vms", "default", "install-desktop.log"), TestContext.Current.CancellationToken);

        // Then: the first install grew the disk, reached the apt source and verified SLiM
        Assert.True(slim.ExitCode == 0, slim.StandardOutputText + slim.StandardError);
        Assert.Contains("Grew the root disk from 2 GiB to 3 GiB (the base image is unchanged)", slim.StandardOutputText, StringComparison.Ordinal);
        Assert.Matches(@"\n  packages (\d+)/\1\r?\n", slim.StandardOutputText);
        Assert.Contains("Verified: 2 packages installed, display-manager.service -> slim.service", slim.StandardOutputText, StringComparison.Ordinal);
        Assert.Contains("pane-net enp0s3 via 10.0.2.2", transcript, StringComparison.Ordinal);
        Assert.Equal(3 * GiB, afterSlim.DiskBytes);
        Assert.True(afterSlim.PartitionBytes > 3 * GiB - (2 * 1024 * 1024), $"the root partition has {afterSlim.PartitionBytes} bytes");
        Assert.True(afterSlim.FileSystemBytes > afterSlim.PartitionBytes - (4 * 1024 * 1024), $"the root ext4 has {afterSlim.FileSystemBytes} of the partition's {afterSlim.PartitionBytes} bytes");
        Assert.Equal(["twm", "slim"], afterSlim.Installed(["twm", "slim", "greetd"]));
        Assert.Equal(["display-manager.service -> slim.service"], afterSlim.DisplayManagerLinks);
        Assert.Equal("/usr/bin/slim", afterSlim.X11DisplayManager);

        // Then: greetd replaced SLiM, with no growth the second time
        Assert.True(greetd.ExitCode == 0, greetd.StandardOutputText + greetd.StandardError);
        Assert.DoesNotContain("Grew the root disk", greetd.StandardOutputText, StringComparison.Ordinal);
        Assert.Contains("Verified: 2 packages installed, display-manager.service -> greetd.service", greetd.StandardOutputText, StringComparison.Ordinal);
        Assert.Equal(["twm", "slim", "greetd"], afterGreetd.Installed(["twm", "slim", "greetd"]));
        Assert.Equal(["display-manager.service -> greetd.service"], afterGreetd.DisplayManagerLinks);
        Assert.Equal("/usr/sbin/greetd", afterGreetd.X11DisplayManager);

        // Then: back to SLiM, whose unit enable cannot link, so Pane linked it
        Assert.True(slimAgain.ExitCode == 0, slimAgain.StandardOutputText + slimAgain.StandardError);
        Assert.Contains("Verified: 2 packages installed, display-manager.service -> slim.service", slimAgain.StandardOutputText, StringComparison.Ordinal);
        Assert.Contains("pane: linked display-manager.service to /lib/systemd/system/slim.service", transcript, StringComparison.Ordinal);
        Assert.Equal(["display-manager.service -> slim.service"], afterSlimAgain.DisplayManagerLinks);
        Assert.Equal("/usr/bin/slim", afterSlimAgain.X11DisplayManager);
        Assert.Equal(afterSlim.FileSystemBytes, afterSlimAgain.FileSystemBytes);
    }

    private async Task<ProcessResult> InstallAsync(string recipe, params string[] more)
    {
        var command = new ProcessCommand("dotnet", [s_host, "--home", _boot.Path, "install-desktop", "--de", recipe, "--cpus", "2", "--memory", "1024", .. more])
        {
            Timeout = TimeSpan.FromMinutes(20),
        };
        return await new ProcessRunner().RunAsync(command, TestContext.Current.CancellationToken);
    }

    private GuestState ReadOverlay()
    {
        using var disk = DiskImage.Open(Path.Join(_boot.Path, "vms", "default", WorkspaceMaintenance.RootOverlayFileName));
        var root = disk.ReadPartitionTable().Partitions[0];
        Ext4Superblock superblock;
        using (var partition = disk.OpenPartition(root))
        {
            var raw = new byte[Ext4Superblock.Size];
            partition.Position = Ext4Superblock.Offset;
            partition.ReadExactly(raw);
            superblock = Ext4Superblock.Parse(raw);
        }

        using var fileSystem = disk.OpenFileSystem(root);
        string Read(string path)
        {
            using var reader = new StreamReader(fileSystem.OpenFile(path));
            return reader.ReadToEnd();
        }

        var managers = DisplayManagerUnits.Known.Append("display-manager").Select(name => $"{name}.service").ToHashSet(StringComparer.Ordinal);
        var system = "/etc/systemd/system";
        var folders = fileSystem.ListDirectory(system)
            .Where(entry => entry.Kind == FileSystemEntryKind.Directory && (entry.Name.EndsWith(".wants", StringComparison.Ordinal) || entry.Name.EndsWith(".requires", StringComparison.Ordinal)))
            .Select(entry => entry.Path)
            .Prepend(system);
        var links = folders
            .SelectMany(fileSystem.ListDirectory)
            .Where(entry => entry.Kind == FileSystemEntryKind.SymbolicLink && managers.Contains(entry.Name))
            .Select(entry => $"{entry.Path[(system.Length + 1)..]} -> {Path.GetFileName(entry.SymlinkTarget)}")
            .ToList();
        return new GuestState(
            disk.VirtualSize,
            root.Size,
            (long)superblock.BlockCount * superblock.BlockSize,
            Read("/var/lib/dpkg/status"),
            links,
            Read("/etc/X11/default-display-manager").Trim());
    }

    private sealed record GuestState(long DiskBytes, long PartitionBytes, long FileSystemBytes, string DpkgStatus, IReadOnlyList<string> DisplayManagerLinks, string X11DisplayManager)
    {
        /// <summary>The packages among <paramref name="names"/> that dpkg holds installed, in the order given.</summary>
        public IReadOnlyList<string> Installed(IReadOnlyList<string> names)
        {
            var installed = DpkgStatus.Split("\n\n")
                .Where(stanza => stanza.Contains("\nStatus: install ok installed", StringComparison.Ordinal))
                .Select(stanza => stanza.Split('\n')[0].Replace("Package: ", string.Empty, StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
            return [.. names.Where(installed.Contains)];
        }
    }
}
