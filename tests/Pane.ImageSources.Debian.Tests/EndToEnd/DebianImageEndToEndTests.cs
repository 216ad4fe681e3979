using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Pane.Desktops;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Boot;
using Pane.Host.DiskImages.Partitions;
using Pane.Host.Platform;
using Pane.ImageSources.Debian.Build;
using Pane.Platform;
using Pane.Tests.Fixtures;

namespace Pane.ImageSources.Debian.Tests.EndToEnd;

/// <summary>
/// The debian image source end to end: the image tests/fixtures/debian pulls with <c>pane image pull debian</c> into
/// a store as an ordinary user is read with Pane's own partition and ext4 readers, then launched by its store name
/// by the real pane host under QEMU (TCG here) to its login and powered off with the ACPI power button. Slow by
/// nature, so one test.
/// </summary>
public sealed class DebianImageEndToEndTests : IDisposable
{
    private static readonly string s_host = Path.Join(AppContext.BaseDirectory, "pane.dll");
    private readonly BootHome _boot = new("pane-debian-e2e-");

    public void Dispose() => _boot.Dispose();

    [Fact]
    public async Task An_image_built_by_an_ordinary_user_keeps_its_owners_and_boots_to_a_root_login_under_qemu()
    {
        // Given
        var fixture = DebianImageFixture.Shared;
        var report = fixture.BuildReport;
        var imageHash = await HashAsync(fixture.Disk);
        using var metadata = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Join(fixture.StoredImage, "image.json"), TestContext.Current.CancellationToken));
        Directory.CreateDirectory(Path.Join(_boot.Path, "images"));
        Directory.CreateSymbolicLink(Path.Join(_boot.Path, "images", "debian"), fixture.StoredImage);

        // When
        var launch = await new ProcessRunner().RunAsync(
            new ProcessCommand(
                "dotnet",
                [s_host, "--home", _boot.Path, "launch", "debian", "--cpus", "2", "--memory", "1024", "--timeout", "480", "--grace", "180", "--headless", "--json"])
            {
                Timeout = TimeSpan.FromMinutes(14),
            },
            TestContext.Current.CancellationToken);

        // Then: pulled into the store by the debian source, as an ordinary user, and hashed as it was built
        Assert.NotEqual("root", report[4]);
        var image = metadata.RootElement;
        Assert.Equal(
            ("debian", "debian", "debian", "raw", "debian"),
            (image.GetProperty("name").GetString(), image.GetProperty("source").GetString(), image.GetProperty("reference").GetString(), image.GetProperty("format").GetString(), image.GetProperty("family").GetString()));
        Assert.Equal(imageHash, image.GetProperty("sha256").GetString());
        Assert.Equal(Path.Join(fixture.StoredImage, image.GetProperty("file").GetString()), report[0]);
        Assert.Equal(DiskLayout.DefaultDiskBytes, image.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(DiskLayout.DefaultDiskBytes, long.Parse(report[2], CultureInfo.InvariantCulture));

        // Then: a GPT root partition whose files belong to the system's users
        using (var volumes = ImageVolumes.Open(fixture.Disk, new ExtFileSystemOpener()))
        {
            var artifacts = BootArtifactLocator.Locate(volumes, out var boot);
            var root = BootArtifactLocator.FindRoot(volumes);
            var files = root.FileSystem!;
            Assert.Equal(PartitionTypeNames.LinuxRootX64, root.Partition!.TypeGuid);
            Assert.Equal($"root=PARTUUID={root.Partition.UniqueId}", artifacts.RootArgument);
            Assert.Equal(root, boot);
            Assert.Equal(DistributionFamily.Debian, artifacts.Family);
            Assert.StartsWith("/boot/vmlinuz-", artifacts.KernelPath, StringComparison.Ordinal);
            Assert.Equal($"/boot/initrd.img-{artifacts.KernelVersion}", artifacts.InitramfsPath);

            var passwd = ReadText(files, "/etc/passwd");
            var group = ReadText(files, "/etc/group");
            var shadow = files.GetEntry("/etc/shadow")!;
            Assert.Equal((0u, IdOf(group, "shadow")), (shadow.UserId, shadow.GroupId));
            Assert.StartsWith("root:*:", ReadText(files, "/etc/shadow"), StringComparison.Ordinal);
            var aptPartial = files.GetEntry("/var/lib/apt/lists/partial")!;
            Assert.Equal(IdOf(passwd, "_apt"), aptPartial.UserId);
            Assert.NotEqual(0u, aptPartial.UserId);
            var launchHelper = files.GetEntry("/usr/lib/dbus-1.0/dbus-daemon-launch-helper")!;
            Assert.Equal((0u, IdOf(group, "messagebus")), (launchHelper.UserId, launchHelper.GroupId));
            Assert.True(launchHelper.Permissions.HasFlag(UnixFileMode.SetUser));
            Assert.Null(files.GetEntry("/usr/share/man/man1/apt.1.gz"));
        }

        // Then: it reaches its login on the serial console and powers off with the ACPI power button
        Assert.True(launch.ExitCode == 0, launch.StandardError);
        var timeline = JsonDocument.Parse(launch.StandardOutputText).RootElement;
        Assert.Equal("login", timeline.GetProperty("timeline").EnumerateArray().Last().GetProperty("milestone").GetString());
        Assert.Equal("acpiPowerdown", timeline.GetProperty("stopped").GetProperty("method").GetString());
        Assert.Equal(imageHash, await HashAsync(fixture.Disk));
    }

    private static string ReadText(ILinuxFileSystem files, string path)
    {
        using var reader = new StreamReader(files.OpenFile(path));
        return reader.ReadToEnd();
    }

    /// <summary>The id in the third field of the /etc/passwd or /etc/group line of a name.</summary>
    private static uint IdOf(string table, string name)
    {
        var line = table.Split('\n').Single(entry => entry.StartsWith(name + ":", StringComparison.Ordinal));
        return uint.Parse(line.Split(':')[2], CultureInfo.InvariantCulture);
    }

    private static async Task<string> HashAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, TestContext.Current.CancellationToken));
    }
}
