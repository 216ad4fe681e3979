using System.Buffers.Binary;
using Pane.Host.DiskImages;

namespace Pane.Host.Tests.DiskImages.Qcow2;

public sealed class Qcow2RefusalTests(RefusedImagesFixture images) : IClassFixture<RefusedImagesFixture>
{
    [Theory]
    [InlineData("zstd.qcow2", "zstd")]
    [InlineData("extended-l2.qcow2", "extended L2")]
    [InlineData("external-data.qcow2", "external data file")]
    [InlineData("luks.qcow2", "encrypted")]
    [InlineData("disk.vmdk", "VMDK")]
    [InlineData("loop-a.qcow2", "loops")]
    [InlineData("deep-0.qcow2", "deeper than 16")]
    [InlineData("missing-backing.qcow2", "does not exist")]
    public void Refuses_what_it_does_not_read_naming_it(string name, string named)
    {
        // When
        var error = OpenBounded(images.Path(name));

        // Then
        var refusal = Assert.IsType<ImageFormatException>(error);
        Assert.Contains(named, refusal.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Remedy));
    }

    [Theory]
    [InlineData(4, 4u, "version 4")]
    [InlineData(20, 40u, "cluster size")]
    [InlineData(32, 1u, "encrypted")]
    [InlineData(36, 0x7fff_ffffu, "L1 table")]
    [InlineData(36, 0u, "L1 table has 0 entries")]
    [InlineData(100, 3u, "header length")]
    [InlineData(76, 1u << 12, "unknown incompatible feature bits")]
    [InlineData(76, 2u, "marked corrupt")]
    [InlineData(16, 1000u, "backing file name")]
    public void Refuses_a_lying_header_field_naming_it(int offset, uint value, string named)
    {
        // Given
        var image = Copy("small.qcow2", $"field-{offset}-{value}.qcow2");
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(field, value);
        Tools.Patch(image, offset, field);
        if (offset == 16)
        {
            Tools.Patch(image, 8, [0, 0, 0, 0, 0x7f, 0, 0, 0]);
        }

        // When
        var error = OpenBounded(image);

        // Then
        Assert.Contains(named, Assert.IsType<ImageFormatException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_virtual_size_larger_than_the_L1_table_covers()
    {
        // Given
        var image = Copy("small.qcow2", "huge-size.qcow2");
        Tools.Patch(image, 24, [0x00, 0x10, 0, 0, 0, 0, 0, 0]);

        // When
        var error = OpenBounded(image);

        // Then
        Assert.Contains("L1 table", Assert.IsType<ImageFormatException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_L2_entry_that_points_outside_the_file_when_the_cluster_is_read()
    {
        // Given
        var image = Copy("small.qcow2", "bad-l2.qcow2");
        var bytes = File.ReadAllBytes(image);
        var l1Offset = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(40));
        var l2Offset = (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)l1Offset)) & 0x00ff_ffff_ffff_fe00);
        Tools.Patch(image, l2Offset, [0x80, 0x00, 0x7f, 0, 0, 0, 0, 0]);
        using var disk = DiskImage.Open(image);
        using var content = disk.OpenContent();

        // When
        var error = Assert.Throws<ImageFormatException>(() => content.ReadExactly(new byte[512]));

        // Then
        Assert.Contains("L2 entry", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("small.qcow2")]
    [InlineData("small-compressed.qcow2")]
    public void Reads_randomly_corrupted_metadata_or_fails_with_an_image_format_error(string name)
    {
        // Given
        var original = File.ReadAllBytes(images.Path(name));
        var metadataEnd = Math.Min(original.Length, 6 * 4096);
        var random = new Random(1234);
        var target = images.Path($"fuzz-{name}");
        var buffer = new byte[256 * 1024];

        for (var round = 0; round < 150; round++)
        {
            var corrupted = (byte[])original.Clone();
            for (var flip = random.Next(1, 8); flip > 0; flip--)
            {
                corrupted[random.Next(metadataEnd)] ^= (byte)(1 << random.Next(8));
            }

            File.WriteAllBytes(target, corrupted);

            // When
            var error = BoundedRead.Run($"{name}, round {round}", corrupted.Length, cancellation => Record.Exception(() =>
            {
                using var disk = DiskImage.Open(target);
                using var content = disk.OpenContent();
                while (content.Read(buffer) > 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
            }));

            // Then
            Assert.True(error is null or ImageFormatException, $"round {round}: {error}");
        }
    }

    /// <summary>Opens an image and reads all of it within the time budget and the allocation bound; returns what it threw.</summary>
    private static Exception? OpenBounded(string image) =>
        BoundedRead.Run(Path.GetFileName(image), new FileInfo(image).Length, cancellation => Record.Exception(() =>
        {
            using var disk = DiskImage.Open(image);
            using var content = disk.OpenContent();
            var buffer = new byte[1 << 20];
            while (content.Read(buffer) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }
        }));

    private string Copy(string name, string copyName)
    {
        var copy = images.Path(copyName);
        File.Copy(images.Path(name), copy, overwrite: true);
        return copy;
    }
}
