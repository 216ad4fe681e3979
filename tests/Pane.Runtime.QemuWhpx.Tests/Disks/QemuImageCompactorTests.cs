using System.Text.Json;
using Pane.Host.Platform;
using Pane.Runtime.QemuWhpx.Disks;
using Pane.Runtime.QemuWhpx.Tests.TestSupport;

namespace Pane.Runtime.QemuWhpx.Tests.Disks;

public sealed class QemuImageCompactorTests
{
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public sealed class CompactAsync : IDisposable
    {
        private readonly TempFolder _temp = new();
        private readonly QemuImageCompactor _compactor = new(new ProcessRunner(), "qemu-img");

        public void Dispose() => _temp.Dispose();

        private static void RequireQemuImg()
        {
            if (!QemuImages.Installed)
            {
                Assert.Skip("qemu-img and qemu-io are not installed on this machine.");
            }
        }

        [Fact]
        public async Task Gives_back_the_space_of_data_the_guest_zeroed_and_discarded_and_keeps_every_byte_it_holds()
        {
            // Given
            RequireQemuImg();
            var disk = _temp.Combine("home.qcow2");
            (await QemuImages.ImgAsync("create", "-q", "-f", "qcow2", disk, "1G")).EnsureSuccess();
            await QemuImages.IoAsync(disk, "write -P 0xab 0 96M", "write -z 0 64M", "discard 64M 16M", "write -P 0xcd 512M 1M");
            var reference = _temp.Combine("reference.qcow2");
            File.Copy(disk, reference);
            File.SetUnixFileMode(disk, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            // When
            var result = await _compactor.CompactAsync(disk, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(disk, result.Path);
            Assert.True(result.BytesReclaimed > 48L << 20, $"reclaimed only {result.BytesReclaimed} bytes");
            Assert.Equal(result.BytesBefore - result.BytesAfter, result.BytesReclaimed);
            Assert.Equal(0, (await QemuImages.ImgAsync("compare", "-q", reference, disk)).ExitCode);
            Assert.Equal(0, (await QemuImages.ImgAsync("check", "-q", disk)).ExitCode);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(disk));
            Assert.False(File.Exists(disk + QemuImageCompactor.TemporarySuffix));
        }

        [Fact]
        public async Task Keeps_an_overlay_an_overlay_over_the_same_backing_file()
        {
            // Given
            RequireQemuImg();
            var baseImage = _temp.Combine("base.raw");
            (await QemuImages.ImgAsync("create", "-q", "-f", "raw", baseImage, "64M")).EnsureSuccess();
            var overlay = _temp.Combine("root.qcow2");
            (await QemuImages.ImgAsync("create", "-q", "-f", "qcow2", "-b", baseImage, "-F", "raw", overlay)).EnsureSuccess();
            await QemuImages.IoAsync(overlay, "write -P 0x11 0 16M", "write -z 0 8M");
            var baseBytes = await File.ReadAllBytesAsync(baseImage, TestContext.Current.CancellationToken);

            // When
            var result = await _compactor.CompactAsync(overlay, TestContext.Current.CancellationToken);

            // Then
            var info = await QemuImages.ImgAsync("info", "--output=json", overlay);
            using var json = JsonDocument.Parse(info.StandardOutputText);
            Assert.Equal(baseImage, json.RootElement.GetProperty("backing-filename").GetString());
            Assert.Equal("raw", json.RootElement.GetProperty("backing-filename-format").GetString());
            Assert.True(result.BytesAfter < result.BytesBefore);
            await QemuImages.IoAsync(overlay, "read -P 0 0 8M", "read -P 0x11 8M 8M", "read -P 0 16M 48M");
            Assert.Equal(baseBytes, await File.ReadAllBytesAsync(baseImage, TestContext.Current.CancellationToken));
        }

        [Fact]
        public async Task Deletes_the_copy_an_earlier_killed_compaction_left_and_finishes()
        {
            // Given
            RequireQemuImg();
            var disk = _temp.Combine("home.qcow2");
            (await QemuImages.ImgAsync("create", "-q", "-f", "qcow2", disk, "64M")).EnsureSuccess();
            await QemuImages.IoAsync(disk, "write -P 0x5a 0 4M");
            await File.WriteAllTextAsync(disk + QemuImageCompactor.TemporarySuffix, "half a copy", TestContext.Current.CancellationToken);

            // When
            await _compactor.CompactAsync(disk, TestContext.Current.CancellationToken);

            // Then
            Assert.False(File.Exists(disk + QemuImageCompactor.TemporarySuffix));
            await QemuImages.IoAsync(disk, "read -P 0x5a 0 4M");
        }

        [Fact]
        public async Task Stops_a_qemu_img_an_earlier_compaction_left_working_on_its_copy_before_deleting_the_copy()
        {
            // Given: an orphaned qemu-img whose output is the leftover copy, held up by reading a FIFO no one writes
            RequireQemuImg();
            var disk = _temp.Combine("home.qcow2");
            var copy = disk + QemuImageCompactor.TemporarySuffix;
            var fifo = _temp.Combine("stalled.fifo");
            (await QemuImages.ImgAsync("create", "-q", "-f", "qcow2", disk, "64M")).EnsureSuccess();
            await QemuImages.IoAsync(disk, "write -P 0x5a 0 4M");
            (await new ProcessRunner().RunAsync(new Pane.Platform.ProcessCommand("mkfifo", [fifo]), TestContext.Current.CancellationToken)).EnsureSuccess();
            await File.WriteAllTextAsync(copy, "half a copy", TestContext.Current.CancellationToken);
            using var orphan = System.Diagnostics.Process.Start("qemu-img", ["convert", "-f", "raw", "-O", "qcow2", fifo, copy]);
            try
            {
                // When
                await _compactor.CompactAsync(disk, TestContext.Current.CancellationToken);

                // Then
                Assert.True(orphan.HasExited);
                Assert.False(File.Exists(copy));
                await QemuImages.IoAsync(disk, "read -P 0x5a 0 4M");
            }
            finally
            {
                orphan.Kill();
            }
        }

        [Fact]
        public async Task Refuses_a_raw_image_and_leaves_it_as_it_was()
        {
            // Given
            RequireQemuImg();
            var disk = _temp.Combine("disk.raw");
            await File.WriteAllBytesAsync(disk, new byte[1 << 20], TestContext.Current.CancellationToken);

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => _compactor.CompactAsync(disk, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal($"'{disk}' is a raw image; Pane compacts qcow2 images only.", error.Message);
            Assert.Equal(1 << 20, new FileInfo(disk).Length);
            Assert.False(File.Exists(disk + QemuImageCompactor.TemporarySuffix));
        }

        [Fact]
        public async Task Names_qemu_img_and_leaves_no_copy_when_the_image_is_damaged()
        {
            // Given
            RequireQemuImg();
            var disk = _temp.Combine("home.qcow2");
            (await QemuImages.ImgAsync("create", "-q", "-f", "qcow2", disk, "64M")).EnsureSuccess();
            await using (var stream = new FileStream(disk, FileMode.Open, FileAccess.Write))
            {
                stream.Position = 72;
                stream.Write(Enumerable.Repeat((byte)0xff, 8).ToArray());
            }

            // When
            var error = await Assert.ThrowsAsync<Pane.Platform.ProcessFailedException>(() => _compactor.CompactAsync(disk, TestContext.Current.CancellationToken));

            // Then
            Assert.Contains("qemu-img", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(disk + QemuImageCompactor.TemporarySuffix));
        }
    }
}
