using System.Formats.Tar;
using Pane.ImageSources.Debian.Build;

namespace Pane.ImageSources.Debian.Tests.Build;

public sealed class GuestFilesTests
{
    private static readonly DiskLayout s_layout = DiskLayout.Create(DiskLayout.DefaultDiskBytes);

    public sealed class Early
    {
        [Fact]
        public void Has_an_executable_initramfs_hook_that_loads_the_virtio_and_ext4_drivers_and_a_modules_list_setting()
        {
            // When
            var files = GuestFiles.Early().ToDictionary(file => file.Path);

            // Then
            var hook = files["etc/initramfs-tools/hooks/pane-virtio"];
            Assert.StartsWith("#!/bin/sh\n", hook.Text, StringComparison.Ordinal);
            Assert.Contains("for module in virtio_pci virtio_blk ext4 crc32c_generic; do", hook.Text, StringComparison.Ordinal);
            Assert.Contains("force_load \"$module\"", hook.Text, StringComparison.Ordinal);
            Assert.True(hook.Mode.HasFlag(UnixFileMode.OtherExecute));
            Assert.Contains("\nMODULES=list\n", files["etc/initramfs-tools/conf.d/pane.conf"].Text, StringComparison.Ordinal);
        }
    }

    public sealed class Late
    {
        [Fact]
        public void Logs_root_in_on_ttyS0_configures_dhcp_and_names_the_root_partition_in_fstab()
        {
            // When
            var files = GuestFiles.Late(s_layout).ToDictionary(file => file.Path);

            // Then
            var autologin = files["etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf"].Text;
            Assert.Contains("\nExecStart=\nExecStart=-/sbin/agetty --autologin root ", autologin, StringComparison.Ordinal);
            Assert.Contains("DHCP=yes", files["etc/systemd/network/80-pane-dhcp.network"].Text, StringComparison.Ordinal);
            Assert.Equal($"PARTUUID={s_layout.PartitionId} / ext4 rw,errors=remount-ro 0 1\n", files["etc/fstab"].Text);
            Assert.Equal("debian\n", files["etc/hostname"].Text);
            Assert.Contains("\nDefaultTimeoutStopSec=15s\n", files["etc/systemd/system.conf.d/pane.conf"].Text, StringComparison.Ordinal);
            Assert.Contains("nameserver 10.0.2.3", files["etc/resolv.conf"].Text, StringComparison.Ordinal);
        }
    }

    public sealed class WriteTarball
    {
        [Fact]
        public void Writes_regular_files_owned_by_root_with_their_modes_and_content()
        {
            // Given
            using var stream = new MemoryStream();

            // When
            GuestFiles.WriteTarball(GuestFiles.Early(), stream);

            // Then
            stream.Position = 0;
            using var reader = new TarReader(stream);
            var entries = new List<(string Name, int Uid, int Gid, UnixFileMode Mode, string Text)>();
            while (reader.GetNextEntry() is { } entry)
            {
                using var text = new StreamReader(entry.DataStream!);
                entries.Add((entry.Name, entry.Uid, entry.Gid, entry.Mode, text.ReadToEnd()));
            }

            Assert.Equal(GuestFiles.Early().Select(file => file.Path), entries.Select(entry => entry.Name));
            Assert.All(entries, entry => Assert.Equal((0, 0), (entry.Uid, entry.Gid)));
            Assert.Equal(GuestFiles.Early().Select(file => (file.Mode, file.Text)), entries.Select(entry => (entry.Mode, entry.Text)));
        }
    }
}
