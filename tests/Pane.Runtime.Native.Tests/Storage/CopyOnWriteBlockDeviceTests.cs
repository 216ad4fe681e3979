using Pane.Runtime.Native.Storage;

namespace Pane.Runtime.Native.Tests.Storage;

public sealed class CopyOnWriteBlockDeviceTests
{
    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var index = 0; index < length; index++)
        {
            bytes[index] = (byte)(index * 7);
        }

        return bytes;
    }

    public sealed class WriteAndRead
    {
        [Fact]
        public void A_write_across_clusters_reads_back_with_the_base_around_it()
        {
            // Given
            var image = Pattern(3 * CopyOnWriteBlockDevice.ClusterSize);
            var original = image.ToArray();
            using var disk = new CopyOnWriteBlockDevice(new StreamBlockDevice(new MemoryStream(image, writable: false)));
            var written = Enumerable.Repeat((byte)0xAB, 1000).ToArray();
            var offset = CopyOnWriteBlockDevice.ClusterSize - 500;

            // When
            disk.Write(offset, written);
            var read = new byte[image.Length];
            disk.Read(0, read);

            // Then
            Assert.Equal(original.AsSpan(0, offset).ToArray(), read.AsSpan(0, offset).ToArray());
            Assert.Equal(written, read.AsSpan(offset, 1000).ToArray());
            Assert.Equal(original.AsSpan(offset + 1000).ToArray(), read.AsSpan(offset + 1000).ToArray());
            Assert.Equal(original, image);
            Assert.Equal(2L * CopyOnWriteBlockDevice.ClusterSize, disk.OverlayBytes);
        }

        [Fact]
        public void A_short_last_cluster_is_copied_without_reading_past_the_base()
        {
            // Given
            var image = Pattern(CopyOnWriteBlockDevice.ClusterSize + 1024);
            using var disk = new CopyOnWriteBlockDevice(new StreamBlockDevice(new MemoryStream(image, writable: false)));

            // When
            disk.Write(CopyOnWriteBlockDevice.ClusterSize + 512, new byte[512]);
            var read = new byte[1024];
            disk.Read(CopyOnWriteBlockDevice.ClusterSize, read);

            // Then
            Assert.Equal(image.AsSpan(CopyOnWriteBlockDevice.ClusterSize, 512).ToArray(), read.AsSpan(0, 512).ToArray());
            Assert.Equal(new byte[512], read.AsSpan(512).ToArray());
        }

        [Fact]
        public void The_base_file_on_disk_is_never_written()
        {
            // Given
            var path = Path.Combine(Path.GetTempPath(), $"pane-native-cow-{Guid.NewGuid():N}.raw");
            File.WriteAllBytes(path, Pattern(4096));
            try
            {
                using (var disk = new CopyOnWriteBlockDevice(StreamBlockDevice.OpenReadOnly(path)))
                {
                    // When
                    disk.Write(0, new byte[4096]);
                    disk.Flush();
                }

                // Then
                Assert.Equal(Pattern(4096), File.ReadAllBytes(path));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    public sealed class StreamBase
    {
        [Fact]
        public void Refuses_writes()
        {
            // Given
            using var disk = new StreamBlockDevice(new MemoryStream(new byte[512]));

            // When // Then
            Assert.True(disk.IsReadOnly);
            Assert.Throws<IOException>(() => disk.Write(0, new byte[1]));
        }
    }
}
