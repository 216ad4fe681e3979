using System.Globalization;
using Pane.ImageSources.Debian.Apt;
using Pane.Platform;

namespace Pane.ImageSources.Debian.Build;

/// <summary>
/// The programs a Debian image build runs: mmdebstrap for the system (in a user namespace of its own for an
/// ordinary user), sfdisk for the partition table, and tar with mke2fs in a user namespace that maps root to the
/// user and every other id to the user's subordinate ids, so the filesystem's owners are the system's and the disk
/// stays the user's file.
/// </summary>
internal static class BuildCommands
{
    /// <summary>
    /// Gets the packages installed on top of apt's minimal system: with e2fsprogs and fdisk the guest can check its
    /// ext4 root and grow its partition and filesystem when a desktop needs a larger disk.
    /// </summary>
    public static IReadOnlyList<string> Packages { get; } =
        ["systemd-sysv", "udev", "dbus", "passwd", "linux-image-amd64", "initramfs-tools", "e2fsprogs", "fdisk"];

    /// <summary>
    /// Gets what dpkg leaves out: documentation, manual pages and translations, and the kernel drivers of hardware a
    /// virtual machine never has (GPUs other than virtual ones, wireless, InfiniBand, cameras and TV cards).
    /// </summary>
    public static IReadOnlyList<string> DpkgOptions { get; } =
    [
        "path-exclude=/usr/share/doc/*",
        "path-include=/usr/share/doc/*/copyright",
        "path-exclude=/usr/share/man/*",
        "path-exclude=/usr/share/info/*",
        "path-exclude=/usr/share/locale/*",
        "path-include=/usr/share/locale/locale.alias",
        "path-exclude=/usr/share/lintian/*",
        .. new[] { "/lib/modules", "/usr/lib/modules" }.SelectMany(modules => new[]
        {
            $"path-exclude={modules}/*/kernel/drivers/gpu/drm/amd/*",
            $"path-exclude={modules}/*/kernel/drivers/gpu/drm/i915/*",
            $"path-exclude={modules}/*/kernel/drivers/gpu/drm/nouveau/*",
            $"path-exclude={modules}/*/kernel/drivers/gpu/drm/radeon/*",
            $"path-exclude={modules}/*/kernel/drivers/net/wireless/*",
            $"path-exclude={modules}/*/kernel/drivers/infiniband/*",
            $"path-exclude={modules}/*/kernel/drivers/media/*",
            $"path-exclude={modules}/*/kernel/net/wireless/*",
            $"path-exclude={modules}/*/kernel/net/mac80211/*",
        }),
    ];

    private static readonly TimeSpan s_bootstrapTimeout = TimeSpan.FromMinutes(45);
    private static readonly TimeSpan s_fileSystemTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan s_partitionTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The script that fills the root partition: unpack the system's tarball with its owners, make the ext4
    /// filesystem from it at the partition's offset, and remove the unpacked tree, whose files only the namespace can
    /// delete. Arguments: tree, tarball, disk, filesystem UUID, offset, blocks.
    /// </summary>
    private const string FileSystemScript = """
        tree=$1 tarball=$2 disk=$3
        trap 'rm -rf "$tree"' EXIT
        mkdir "$tree"
        tar --extract --numeric-owner --preserve-permissions --xattrs --xattrs-include=security.capability --exclude='./dev/*' --file "$tarball" --directory "$tree"
        mke2fs -q -F -t ext4 -b 4096 -L debian-root -U "$4" -E offset="$5" -d "$tree" "$disk" "$6"
        """;

    /// <summary>Builds the mmdebstrap command that writes the system as a tarball.</summary>
    /// <param name="mirror">Where the packages come from.</param>
    /// <param name="identity">Who builds.</param>
    /// <param name="earlyFiles">The tarball of files installed before the kernel.</param>
    /// <param name="lateFiles">The tarball of files installed last.</param>
    /// <param name="output">The tarball to write.</param>
    /// <returns>The command.</returns>
    public static ProcessCommand Bootstrap(DebianMirror mirror, BuildIdentity identity, string earlyFiles, string lateFiles, string output)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        ArgumentNullException.ThrowIfNull(identity);
        List<string> arguments =
        [
            identity.IsRoot ? "--mode=root" : "--mode=unshare",
            "--variant=apt",
            "--format=tar",
            "--include=" + string.Join(',', Packages),
            .. DpkgOptions.Select(option => "--dpkgopt=" + option),
            "--essential-hook=tar-in " + ShellWords.Quote(earlyFiles) + " /",
            "--customize-hook=tar-in " + ShellWords.Quote(lateFiles) + " /",
            "--customize-hook=chroot \"$1\" systemctl enable systemd-networkd.service",
            "--customize-hook=chroot \"$1\" usermod --password '*' root",
            mirror.Suite,
            output,
            .. mirror.Lines,
        ];
        return new ProcessCommand("mmdebstrap", arguments) { Timeout = s_bootstrapTimeout };
    }

    /// <summary>Builds the command that writes the partition table into the disk file.</summary>
    /// <param name="disk">The disk file, at its full size.</param>
    /// <param name="script">A file holding <see cref="DiskLayout.SfdiskScript"/>.</param>
    /// <returns>The command.</returns>
    public static ProcessCommand Partition(string disk, string script) =>
        new("sh", ["-c", "exec sfdisk --quiet --no-reread --no-tell-kernel \"$1\" < \"$2\"", "sh", disk, script])
        {
            Timeout = s_partitionTimeout,
        };

    /// <summary>Builds the command that makes the root filesystem from the system's tarball inside the disk.</summary>
    /// <param name="identity">Who builds.</param>
    /// <param name="layout">The disk's layout.</param>
    /// <param name="tarball">The system's tarball.</param>
    /// <param name="tree">A folder to create, unpack into and remove.</param>
    /// <param name="disk">The partitioned disk file.</param>
    /// <returns>The command.</returns>
    public static ProcessCommand FileSystem(BuildIdentity identity, DiskLayout layout, string tarball, string tree, string disk)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(layout);
        List<string> shell =
        [
            "sh", "-ec", FileSystemScript, "sh", tree, tarball, disk,
            layout.FileSystemId.ToString(),
            DiskLayout.PartitionOffsetBytes.ToString(CultureInfo.InvariantCulture),
            layout.FileSystemBlocks.ToString(CultureInfo.InvariantCulture),
        ];
        if (identity.IsRoot)
        {
            return new ProcessCommand(shell[0], shell[1..]) { Timeout = s_fileSystemTimeout };
        }

        var mapped = SubordinateIdRange.Needed - 1;
        var users = identity.SubordinateUsers ?? throw new ArgumentException("An ordinary user's build needs subordinate user ids.", nameof(identity));
        var groups = identity.SubordinateGroups ?? throw new ArgumentException("An ordinary user's build needs subordinate group ids.", nameof(identity));
        return new ProcessCommand(
            "unshare",
            [
                "--map-root-user",
                string.Create(CultureInfo.InvariantCulture, $"--map-users={users.Start},1,{mapped}"),
                string.Create(CultureInfo.InvariantCulture, $"--map-groups={groups.Start},1,{mapped}"),
                .. shell,
            ])
        {
            Timeout = s_fileSystemTimeout,
        };
    }
}
