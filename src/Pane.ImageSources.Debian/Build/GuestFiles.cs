using System.Formats.Tar;
using System.Text;

namespace Pane.ImageSources.Debian.Build;

/// <summary>
/// The files that make a bare Debian system a Pane guest, as tarballs owned by root that mmdebstrap unpacks into
/// the system (<c>tar-in</c> hooks), so their owners are right whoever builds.
/// </summary>
/// <remarks>
/// The early files go in before the kernel is installed, so its initramfs is built with them: the virtio and ext4
/// drivers, and only the listed modules (a small initramfs boots faster under emulation). The late files go in
/// last: serial autologin as root on ttyS0, DHCP on the virtio NIC through systemd-networkd (what QEMU's user
/// networking needs), short stop timeouts so the power button powers off soon, QEMU's DNS server, the host name,
/// and an fstab naming the root partition.
/// </remarks>
internal static class GuestFiles
{
    private const UnixFileMode Regular = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Executable = Regular | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Gets the host name of a built image.</summary>
    public const string HostName = "debian";

    /// <summary>Gets the kernel modules the initramfs loads before it looks for the root filesystem.</summary>
    public static IReadOnlyList<string> InitramfsModules { get; } = ["virtio_pci", "virtio_blk", "ext4", "crc32c_generic"];

    /// <summary>Gets the files installed before the kernel.</summary>
    /// <returns>The files.</returns>
    public static IReadOnlyList<GuestFile> Early() =>
    [
        new("etc/initramfs-tools/hooks/pane-virtio", Executable, $$"""
            #!/bin/sh
            # Pane: put the virtio disk and ext4 drivers into the initramfs and load them at its start.
            PREREQ=""
            prereqs() { echo "$PREREQ"; }
            case "$1" in prereqs) prereqs; exit 0 ;; esac
            . /usr/share/initramfs-tools/hook-functions
            for module in {{string.Join(' ', InitramfsModules)}}; do
                force_load "$module"
            done

            """),
        new("etc/initramfs-tools/conf.d/pane.conf", Regular, "# Pane: only the modules the hooks name; the guest is a virtual machine.\nMODULES=list\n"),
    ];

    /// <summary>Gets the files installed last.</summary>
    /// <param name="layout">The disk, whose root partition the fstab names.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<GuestFile> Late(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return
        [
            new("etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf", Regular, """
                # Pane: log in as root on the serial console without a password (root's password stays locked).
                [Service]
                ExecStart=
                ExecStart=-/sbin/agetty --autologin root --noclear --keep-baud 115200,57600,38400,9600 %I $TERM

                """),
            new("etc/systemd/network/80-pane-dhcp.network", Regular, """
                # Pane: DHCP on the virtual NIC, as QEMU's user networking offers it.
                [Match]
                Name=en* eth*

                [Network]
                DHCP=yes

                """),
            new("etc/systemd/system.conf.d/pane.conf", Regular, """
                # Pane: the power button must power the machine off soon; no unit may hold its shutdown up for long.
                [Manager]
                DefaultTimeoutStopSec=15s

                """),
            new("etc/resolv.conf", Regular, "# Pane: the DNS server of QEMU's user networking.\nnameserver 10.0.2.3\n"),
            new("etc/hostname", Regular, HostName + "\n"),
            new("etc/hosts", Regular, $"127.0.0.1\tlocalhost\n127.0.1.1\t{HostName}\n::1\tlocalhost ip6-localhost ip6-loopback\n"),
            new("etc/fstab", Regular, $"PARTUUID={layout.PartitionId} / ext4 rw,errors=remount-ro 0 1\n"),
        ];
    }

    /// <summary>Writes files as a tarball of root-owned entries.</summary>
    /// <param name="files">The files.</param>
    /// <param name="target">The stream to write the tarball to.</param>
    public static void WriteTarball(IEnumerable<GuestFile> files, Stream target)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var writer = new TarWriter(target, TarEntryFormat.Gnu, leaveOpen: true);
        foreach (var file in files)
        {
            var entry = new GnuTarEntry(TarEntryType.RegularFile, file.Path)
            {
                Mode = file.Mode,
                Uid = 0,
                Gid = 0,
                UserName = "root",
                GroupName = "root",
                ModificationTime = DateTimeOffset.UtcNow,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(file.Text)),
            };
            writer.WriteEntry(entry);
        }
    }
}
