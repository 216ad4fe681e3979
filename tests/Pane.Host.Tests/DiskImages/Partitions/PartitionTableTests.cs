using System.Buffers.Binary;
using System.Globalization;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Partitions;

namespace Pane.Host.Tests.DiskImages.Partitions;

public sealed class PartitionTableTests(PartitionedDisksFixture disks) : IClassFixture<PartitionedDisksFixture>
{
    [Fact]
    public void Reads_primary_extended_and_logical_MBR_partitions_as_sfdisk_does()
    {
        // When
        using var image = DiskImage.Open(disks.Mbr);
        var table = image.ReadPartitionTable();

        // Then
        Assert.Equal(PartitionTableScheme.Mbr, table.Scheme);
        Assert.Equal("1234abcd", table.DiskId);
        var expected = disks.MbrTable.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal(expected.Count, table.Partitions.Count);
        foreach (var (partition, row) in table.Partitions.Zip(expected))
        {
            Assert.EndsWith(partition.Number.ToString(CultureInfo.InvariantCulture), row.GetProperty("node").GetString(), StringComparison.Ordinal);
            Assert.Equal(row.GetProperty("start").GetInt64() * 512, partition.Offset);
            Assert.Equal(row.GetProperty("size").GetInt64() * 512, partition.Size);
            Assert.Equal(Convert.ToByte(row.GetProperty("type").GetString(), 16), partition.MbrType);
            Assert.Equal($"1234abcd-{partition.Number:x2}", partition.UniqueId);
        }

        Assert.Equal([1, 2, 5, 6], table.Partitions.Select(partition => partition.Number));
        Assert.Equal("Linux swap", table.Partitions[2].TypeName);
        Assert.Empty(table.Warnings);
    }

    [Fact]
    public void Reads_GPT_partitions_with_types_names_and_unique_GUIDs_as_sfdisk_does()
    {
        // When
        using var image = DiskImage.Open(disks.Gpt);
        var table = image.ReadPartitionTable();

        // Then
        AssertMatchesSfdisk(table);
        Assert.Empty(table.Warnings);
        Assert.Equal("Linux filesystem", table.Partitions[2].TypeName);
        Assert.Equal("6a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9", table.Partitions[2].UniqueId);
    }

    [Fact]
    public void Reads_the_same_table_through_a_qcow2_container()
    {
        // When
        using var image = DiskImage.Open(disks.GptQcow2);
        var table = image.ReadPartitionTable();

        // Then
        AssertMatchesSfdisk(table);
    }

    [Theory]
    [InlineData(512 + 60, "CRC32 does not match")]
    [InlineData(512, "no 'EFI PART' signature")]
    [InlineData(1024 + 20, "partition entry array")]
    public void Falls_back_to_the_backup_GPT_header_and_says_so(long damagedByte, string reason)
    {
        // Given
        var disk = disks.Copy(disks.Gpt, $"damaged-{damagedByte}.raw");
        Tools.Patch(disk, damagedByte, [0xff]);

        // When
        using var image = DiskImage.Open(disk);
        var table = image.ReadPartitionTable();

        // Then
        AssertMatchesSfdisk(table);
        var warning = Assert.Single(table.Warnings);
        Assert.Contains("primary GPT header", warning, StringComparison.Ordinal);
        Assert.Contains(reason, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Warns_when_the_backup_GPT_header_is_damaged()
    {
        // Given
        var disk = disks.Copy(disks.Gpt, "damaged-backup.raw");
        Tools.Patch(disk, (8 * 1024 * 1024) - 512 + 60, [0xff]);

        // When
        using var image = DiskImage.Open(disk);
        var table = image.ReadPartitionTable();

        // Then
        AssertMatchesSfdisk(table);
        Assert.Contains("backup GPT header", Assert.Single(table.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_GPT_whose_both_headers_are_damaged()
    {
        // Given
        var disk = disks.Copy(disks.Gpt, "damaged-both.raw");
        Tools.Patch(disk, 512 + 60, [0xff]);
        Tools.Patch(disk, (8 * 1024 * 1024) - 512 + 60, [0xff]);

        // When
        using var image = DiskImage.Open(disk);
        var error = Assert.Throws<ImageFormatException>(image.ReadPartitionTable);

        // Then
        Assert.Contains("Both GPT headers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_MBR_partition_that_runs_past_the_end_of_the_disk()
    {
        // Given
        var disk = disks.Copy(disks.Mbr, "long-mbr.raw");
        Span<byte> sectors = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(sectors, 1_000_000);
        Tools.Patch(disk, 446 + 12, sectors);

        // When
        using var image = DiskImage.Open(disk);
        var error = Assert.Throws<ImageFormatException>(image.ReadPartitionTable);

        // Then
        Assert.Contains("MBR entry 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_extended_partition_chain_that_loops()
    {
        // Given
        var disk = disks.Copy(disks.Mbr, "loop-mbr.raw");
        var bytes = File.ReadAllBytes(disk);
        var extendedStart = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(446 + 16 + 8));
        var secondEbr = extendedStart + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)(extendedStart * 512) + 446 + 16 + 8));
        Span<byte> zero = stackalloc byte[4];
        zero.Clear();
        Tools.Patch(disk, (secondEbr * 512L) + 446 + 16 + 4, [0x05]);
        Tools.Patch(disk, (secondEbr * 512L) + 446 + 16 + 8, zero);
        Tools.Patch(disk, (secondEbr * 512L) + 446 + 16 + 12, [1, 0, 0, 0]);

        // When
        using var image = DiskImage.Open(disk);
        var error = Assert.Throws<ImageFormatException>(image.ReadPartitionTable);

        // Then
        Assert.Contains("loops", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_no_table_for_a_bare_filesystem()
    {
        // When
        using var image = DiskImage.Open(disks.Bare);
        var table = image.ReadPartitionTable();

        // Then
        Assert.Equal(PartitionTableScheme.None, table.Scheme);
        Assert.Empty(table.Partitions);
        Assert.Null(table.DiskId);
    }

    [Fact]
    public void Opens_a_partition_as_a_stream_of_its_own_bytes()
    {
        // Given
        using var image = DiskImage.Open(disks.GptQcow2);
        var root = image.ReadPartitionTable().Partitions[2];

        // When
        using var stream = image.OpenPartition(root);
        var start = new byte[21];
        stream.ReadExactly(start);

        // Then
        Assert.Equal(root.Size, stream.Length);
        Assert.Equal("root partition marker"u8.ToArray(), start);
    }

    private void AssertMatchesSfdisk(PartitionTable table)
    {
        Assert.Equal(PartitionTableScheme.Gpt, table.Scheme);
        Assert.Equal(disks.GptTable.GetProperty("id").GetString(), table.DiskId, ignoreCase: true);
        var expected = disks.GptTable.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal(expected.Count, table.Partitions.Count);
        foreach (var (partition, row) in table.Partitions.Zip(expected))
        {
            Assert.Equal(row.GetProperty("start").GetInt64() * 512, partition.Offset);
            Assert.Equal(row.GetProperty("size").GetInt64() * 512, partition.Size);
            Assert.Equal(Guid.Parse(row.GetProperty("type").GetString()!), partition.TypeGuid);
            Assert.Equal(row.GetProperty("uuid").GetString(), partition.UniqueId, ignoreCase: true);
            Assert.Equal(row.GetProperty("name").GetString(), partition.Name);
        }
    }
}
