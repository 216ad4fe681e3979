using System.Formats.Tar;
using System.Text;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Boot;
using Pane.Host.DiskImages.Partitions;
using Pane.Host.Platform;
using Pane.ImageSources.Debian.Apt;
using Pane.ImageSources.Debian.Build;

namespace Pane.ImageSources.Debian.Tests.Build;

public sealed class BuildCommandsTests
{
    private static readonly BuildIdentity s_user = new("ann", 1000, new SubordinateIdRange(100000, 65536), new SubordinateIdRange(200000, 65536));
    private static readonly BuildIdentity s_root = new("root", 0, null, null);
    private static readonly DebianMirror s_mirror = new(
        "bookworm",
        [
            new AptSource("http://mirror.example/debian", "bookworm", ["main"], "/usr/share/keyrings/debian-archive-keyring.gpg"),
            new AptSource("http://mirror.example/debian-security", "bookworm-security", ["main"], null),
        ]);

    private static readonly DiskLayout s_layout = new(
        DiskLayout.DefaultDiskBytes,
        Guid.NewGuid(),
        Guid.NewGuid(),
        Guid.Parse("0a1b2c3d-0000-4000-8000-000000000003"));

    public sealed class Bootstrap
    {
        [Fact]
        public void Builds_a_minimal_system_tarball_in_a_user_namespace_for_an_ordinary_user()
        {
            // When
            var command = BuildCommands.Bootstrap(s_mirror, s_user, "/w/early.tar", "/w/My Images/late's.tar", "/w/system.tar");

            // Then
            Assert.Equal("mmdebstrap", command.FileName);
            var arguments = command.Arguments;
            Assert.Equal(["--mode=unshare", "--variant=apt", "--format=tar"], arguments.Take(3));
            Assert.Contains("--include=systemd-sysv,udev,dbus,passwd,linux-image-amd64,initramfs-tools,e2fsprogs,fdisk", arguments);
            Assert.Contains("--dpkgopt=path-exclude=/usr/share/doc/*", arguments);
            Assert.Contains("--dpkgopt=path-exclude=/usr/share/man/*", arguments);
            Assert.Contains("--dpkgopt=path-exclude=/lib/modules/*/kernel/drivers/net/wireless/*", arguments);
            Assert.Contains("--essential-hook=tar-in '/w/early.tar' /", arguments);
            Assert.Contains("--customize-hook=tar-in '/w/My Images/late'\\''s.tar' /", arguments);
            Assert.Contains("--customize-hook=chroot \"$1\" systemctl enable systemd-networkd.service", arguments);
            Assert.Contains("--customize-hook=chroot \"$1\" usermod --password '*' root", arguments);
            var list = arguments.ToList();
            Assert.True(
                list.IndexOf("--essential-hook=tar-in '/w/early.tar' /") < list.IndexOf("--customize-hook=tar-in '/w/My Images/late'\\''s.tar' /"),
                "The early files must go in before the late ones.");
            Assert.Equal(
                [
                    "bookworm",
                    "/w/system.tar",
                    "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm main",
                    "deb http://mirror.example/debian-security bookworm-security main",
                ],
                arguments.TakeLast(4));
            Assert.True(command.Timeout >= TimeSpan.FromMinutes(30));
        }

        [Fact]
        public void Uses_the_root_mode_for_root()
        {
            // When
            var command = BuildCommands.Bootstrap(s_mirror, s_root, "/w/early.tar", "/w/late.tar", "/w/system.tar");

            // Then
            Assert.Equal("--mode=root", command.Arguments[0]);
        }
    }

    public sealed class Partition
    {
        [Fact]
        public void Feeds_the_script_to_sfdisk_on_the_disk_file_without_asking_the_kernel_to_reread()
        {
            // When
            var command = BuildCommands.Partition("/w/disk.raw", "/w/partitions.sfdisk");

            // Then
            Assert.Equal("sh", command.FileName);
            Assert.Equal(
                ["-c", "exec sfdisk --quiet --no-reread --no-tell-kernel \"$1\" < \"$2\"", "sh", "/w/disk.raw", "/w/partitions.sfdisk"],
                command.Arguments);
        }
    }

    public sealed class FileSystem
    {
        [Fact]
        public void Maps_root_to_the_user_and_every_other_id_to_the_subordinate_ranges_for_an_ordinary_user()
        {
            // When
            var command = BuildCommands.FileSystem(s_user, s_layout, "/w/system.tar", "/w/tree", "/w/disk.raw");

            // Then
            Assert.Equal("unshare", command.FileName);
            Assert.Equal(["--map-root-user", "--map-users=100000,1,65535", "--map-groups=200000,1,65535", "sh", "-ec"], command.Arguments.Take(5));
            Assert.Equal(
                ["sh", "/w/tree", "/w/system.tar", "/w/disk.raw", "0a1b2c3d-0000-4000-8000-000000000003", "1048576", "523776"],
                command.Arguments.Skip(6));
            var script = command.Arguments[5];
            Assert.Contains("mke2fs -q -F -t ext4 -b 4096 -L debian-root -U \"$4\" -E offset=\"$5\" -d \"$tree\" \"$disk\" \"$6\"", script, StringComparison.Ordinal);
            Assert.Contains("--numeric-owner", script, StringComparison.Ordinal);
            Assert.Contains("trap 'rm -rf \"$tree\"' EXIT", script, StringComparison.Ordinal);
        }

        [Fact]
        public void Runs_the_script_directly_for_root()
        {
            // When
            var command = BuildCommands.FileSystem(s_root, s_layout, "/w/system.tar", "/w/tree", "/w/disk.raw");

            // Then
            Assert.Equal("sh", command.FileName);
            Assert.Equal("-ec", command.Arguments[0]);
        }

        [Fact]
        public async Task Makes_a_root_filesystem_inside_the_partitioned_disk_that_keeps_the_tarballs_owners_and_modes()
        {
            // Given
            if (DebianPrerequisites.FindProblem(DebianHost.Current, Environment.UserName, out var identity) is { } problem)
            {
                Assert.Skip($"This machine cannot build Debian images: {problem.Message}");
            }

            using var work = new Scratch();
            var layout = DiskLayout.Create(64L << 20);
            var system = Path.Join(work.Path, "system.tar");
            WriteSystemTarball(system);
            var disk = Path.Join(work.Path, "disk.raw");
            using (var file = File.Create(disk))
            {
                file.SetLength(layout.DiskBytes);
            }

            var script = work.Write("partitions.sfdisk", layout.SfdiskScript);
            var runner = new ProcessRunner();
            var token = TestContext.Current.CancellationToken;

            // When
            var partitioned = await runner.RunAsync(BuildCommands.Partition(disk, script), token);
            var filled = await runner.RunAsync(BuildCommands.FileSystem(identity!, layout, system, Path.Join(work.Path, "tree"), disk), token);

            // Then
            Assert.True(partitioned.ExitCode == 0, partitioned.StandardError);
            Assert.True(filled.ExitCode == 0, filled.StandardError);
            Assert.False(Directory.Exists(Path.Join(work.Path, "tree")));
            using var volumes = ImageVolumes.Open(disk, new ExtFileSystemOpener());
            var root = BootArtifactLocator.FindRoot(volumes);
            Assert.Equal(PartitionTypeNames.LinuxRootX64, root.Partition!.TypeGuid);
            Assert.Equal(layout.PartitionId.ToString(), root.Partition.UniqueId, ignoreCase: true);
            Assert.Equal(layout.FileSystemId, root.FileSystem!.Uuid);
            var shadow = root.FileSystem.GetEntry("/etc/shadow")!;
            Assert.Equal((0u, 42u), (shadow.UserId, shadow.GroupId));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, shadow.Permissions);
            var partial = root.FileSystem.GetEntry("/var/lib/apt/lists/partial")!;
            Assert.Equal((42u, 0u), (partial.UserId, partial.GroupId));
            var helper = root.FileSystem.GetEntry("/usr/lib/dbus-1.0/dbus-daemon-launch-helper")!;
            Assert.Equal((0u, 105u), (helper.UserId, helper.GroupId));
            Assert.True(helper.Permissions.HasFlag(UnixFileMode.SetUser));
            Assert.DoesNotContain(root.FileSystem.ListDirectory("/dev"), entry => entry.Name is not "." and not "..");
            using var reader = new StreamReader(root.FileSystem.OpenFile("/etc/shadow"));
            Assert.Equal("root:*:19000:0:99999:7:::\n", await reader.ReadToEndAsync(token));
        }

        /// <summary>A tiny system tarball as mmdebstrap writes one: entries under ./, owned by system users, a device node.</summary>
        private static void WriteSystemTarball(string path)
        {
            using var stream = File.Create(path);
            using var writer = new TarWriter(stream, TarEntryFormat.Gnu);
            void Add(TarEntryType type, string name, UnixFileMode mode, int uid, int gid, string? text = null)
            {
                var entry = new GnuTarEntry(type, name) { Mode = mode, Uid = uid, Gid = gid, ModificationTime = DateTimeOffset.UtcNow };
                if (text is not null)
                {
                    entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text));
                }

                writer.WriteEntry(entry);
            }

            const UnixFileMode directory = (UnixFileMode)0b111_101_101;
            foreach (var folder in new[] { "./", "./dev/", "./etc/", "./usr/", "./usr/lib/", "./usr/lib/dbus-1.0/", "./var/", "./var/lib/", "./var/lib/apt/", "./var/lib/apt/lists/" })
            {
                Add(TarEntryType.Directory, folder, directory, 0, 0);
            }

            Add(TarEntryType.CharacterDevice, "./dev/null", (UnixFileMode)0b110_110_110, 0, 0);
            Add(TarEntryType.RegularFile, "./etc/shadow", (UnixFileMode)0b110_100_000, 0, 42, "root:*:19000:0:99999:7:::\n");
            Add(TarEntryType.Directory, "./var/lib/apt/lists/partial/", (UnixFileMode)0b111_000_000, 42, 0);
            Add(TarEntryType.RegularFile, "./usr/lib/dbus-1.0/dbus-daemon-launch-helper", UnixFileMode.SetUser | (UnixFileMode)0b111_101_100, 0, 105, "helper");
        }
    }
}
