using Pane.Desktops;
using Pane.Host.DesktopInstall;

namespace Pane.Host.Tests.DesktopInstall;

/// <summary>
/// The disk-growing step of <see cref="DesktopScript"/> on a real shell, with the guest's mounts and block devices
/// as files of the test's own and stand-ins for the partitioning tools: a 2 GiB image whose overlay qemu-img grew
/// to 3 GiB.
/// </summary>
public sealed class DesktopScriptGrowStepTests
{
    private static readonly string[] s_toolFolders = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    private static string Guest(ScriptedGuest guest, long diskSectors)
    {
        if (s_toolFolders.Any(folder => File.Exists(Path.Join(folder, "growpart"))))
        {
            Assert.Skip("This host has growpart, which the step prefers to sfdisk; the sfdisk path is what these tests follow.");
        }

        File.WriteAllText(guest.Redirect("/proc/mounts"), "/dev/vda1 / ext4 rw,relatime 0 0\nproc /proc proc rw 0 0\n");
        var block = guest.Redirect("/sys/class/block");
        var devices = Directory.CreateDirectory(Path.Join(guest.Root, "devices", "vda")).FullName;
        var partition = Directory.CreateDirectory(Path.Join(devices, "vda1")).FullName;
        File.WriteAllText(Path.Join(devices, "size"), $"{diskSectors}\n");
        File.WriteAllText(Path.Join(partition, "partition"), "1\n");
        File.WriteAllText(Path.Join(partition, "start"), "2048\n");
        File.WriteAllText(Path.Join(partition, "size"), "4190208\n");
        Directory.CreateDirectory(block);
        File.CreateSymbolicLink(Path.Join(block, "vda"), devices);
        File.CreateSymbolicLink(Path.Join(block, "vda1"), partition);
        var calls = Path.Join(guest.Root, "calls");
        File.WriteAllText(calls, string.Empty);
        foreach (var tool in new[] { "partx", "resize2fs", "apt-get" })
        {
            guest.Tool(tool, $"echo \"{tool} $*\" >> {calls}");
        }

        guest.Tool("sfdisk", $"echo \"sfdisk $*\" >> {calls}\n[ \"$1\" = --relocate ] || cat > /dev/null");
        guest.Tool("findmnt", "echo /dev/vda1");
        guest.Tool("df", "echo 'Filesystem 1K-blocks Used Available Use% Mounted on'\necho '/dev/vda1 3056404 600000 2300000 21% /'");
        return calls;
    }

    private static DesktopInstallPlan Plan() => DesktopScript.Build(TestRecipes.Xfce(), DistributionFamily.Debian, 3, TimeSpan.FromMinutes(5));

    public sealed class Run
    {
        [Fact]
        public async Task Moves_the_backup_gpt_extends_the_root_partition_tells_the_kernel_and_grows_ext4_online()
        {
            // Given
            using var guest = new ScriptedGuest();
            var calls = Guest(guest, 6291456);

            // When
            var result = await guest.RunAsync(Plan().Steps[2]);

            // Then
            Assert.True(result.ExitCode == 0, string.Join('\n', result.Output));
            Assert.Equal(["pane-disk /dev/vda has 6291456 sectors; the root /dev/vda1 (ext4) ends at sector 4192256", "pane-root-kib 3056404"], result.Output);
            Assert.Equal(
                ["sfdisk --relocate gpt-bak-std /dev/vda", "sfdisk --force --no-reread -N 1 /dev/vda", "partx -u --nr 1 /dev/vda", "resize2fs /dev/vda1"],
                await File.ReadAllLinesAsync(calls, TestContext.Current.CancellationToken));
        }

        [Fact]
        public async Task Only_grows_the_filesystem_when_the_partition_already_fills_the_disk()
        {
            // Given
            using var guest = new ScriptedGuest();
            var calls = Guest(guest, 4194304);

            // When
            var result = await guest.RunAsync(Plan().Steps[2]);

            // Then
            Assert.True(result.ExitCode == 0, string.Join('\n', result.Output));
            Assert.Equal(["resize2fs /dev/vda1"], await File.ReadAllLinesAsync(calls, TestContext.Current.CancellationToken));
        }
    }
}
