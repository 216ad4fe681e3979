using Pane.Host.DiskImages;
using Pane.Host.Tests.DiskImages.Qcow2;
using Pane.Machines;

namespace Pane.Host.Tests.DiskImages;

public sealed class DiskImageTests
{
    public sealed class Open(Qcow2ImagesFixture images) : IClassFixture<Qcow2ImagesFixture>
    {
        [Theory]
        [InlineData("plain.qcow2")]
        [InlineData("v2.qcow2")]
        [InlineData("compressed.qcow2")]
        [InlineData("compressed-4k.qcow2")]
        [InlineData("empty.qcow2")]
        [InlineData("overlay.qcow2")]
        [InlineData("top.qcow2")]
        public void Reads_every_byte_as_qemu_img_converts_it_to_raw(string name)
        {
            // Given
            var expected = File.ReadAllBytes(images.Expected(name));

            // When
            using var image = DiskImage.Open(images.Path(name));
            using var content = image.OpenContent();
            var actual = Tools.ReadAll(content);

            // Then
            Assert.Equal(DiskFormat.Qcow2, image.Format);
            Assert.Equal(expected.Length, image.VirtualSize);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} differs from qemu-img's raw conversion");
        }

        [Theory]
        [InlineData("compressed-4k.qcow2")]
        [InlineData("top.qcow2")]
        public void Reads_unaligned_ranges_anywhere_in_the_disk(string name)
        {
            // Given
            var expected = File.ReadAllBytes(images.Expected(name));
            using var image = DiskImage.Open(images.Path(name));
            using var content = image.OpenContent();
            var random = new Random(7);

            for (var round = 0; round < 200; round++)
            {
                var offset = random.NextInt64(expected.Length);
                var buffer = new byte[random.Next(1, 200_000)];

                // When
                content.Position = offset;
                var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

                // Then
                var count = (int)Math.Min(buffer.Length, expected.Length - offset);
                Assert.Equal(count, read);
                Assert.True(expected.AsSpan((int)offset, count).SequenceEqual(buffer.AsSpan(0, count)), $"bytes at {offset} differ");
            }
        }

        [Fact]
        public void Reads_a_zero_cluster_as_zeros_although_the_backing_file_has_data_there()
        {
            // Given
            var backing = File.ReadAllBytes(images.BaseRaw);
            Assert.Contains(backing.Take(65536), value => value != 0);

            // When
            using var image = DiskImage.Open(images.Path("overlay.qcow2"));
            using var content = image.OpenContent();
            var first = new byte[65536];
            content.ReadExactly(first);

            // Then
            Assert.All(first, value => Assert.Equal(0, value));
        }

        [Fact]
        public void Reads_past_the_end_of_a_shorter_raw_backing_file_as_zeros_or_the_overlay_data()
        {
            // Given
            using var image = DiskImage.Open(images.Path("overlay.qcow2"));
            using var content = image.OpenContent();
            var region = new byte[2 * 1024 * 1024];

            // When
            content.Position = 5 * 1024 * 1024;
            content.ReadExactly(region);

            // Then
            Assert.Equal(8 * 1024 * 1024, image.VirtualSize);
            Assert.All(region.AsSpan(0, 1024 * 1024).ToArray(), value => Assert.Equal(0, value));
            Assert.All(region.AsSpan(1024 * 1024, 4096).ToArray(), value => Assert.Equal(0x5a, value));
        }

        [Fact]
        public void Lists_the_backing_chain_nearest_first()
        {
            // When
            using var image = DiskImage.Open(images.Path("top.qcow2"));

            // Then
            Assert.Equal([images.Path("overlay.qcow2"), images.BaseRaw], image.BackingChain);
        }

        [Fact]
        public void Opens_a_file_without_a_known_header_as_raw()
        {
            // When
            using var image = DiskImage.Open(images.BaseRaw);
            using var content = image.OpenContent();

            // Then
            Assert.Equal(DiskFormat.Raw, image.Format);
            Assert.Empty(image.BackingChain);
            Assert.Equal(File.ReadAllBytes(images.BaseRaw), Tools.ReadAll(content));
        }
    }
}
