using Pane.ImageSources.Debian.Build;

namespace Pane.ImageSources.Debian.Tests.Build;

public sealed class DiskLayoutTests
{
    private static readonly DiskLayout s_layout = new(
        DiskLayout.DefaultDiskBytes,
        Guid.Parse("0a1b2c3d-0000-4000-8000-000000000001"),
        Guid.Parse("0a1b2c3d-0000-4000-8000-000000000002"),
        Guid.Parse("0a1b2c3d-0000-4000-8000-000000000003"));

    public sealed class Geometry
    {
        [Fact]
        public void Puts_the_root_partition_from_1_MiB_to_1_MiB_before_the_end_of_a_2_GiB_disk()
        {
            // Then
            Assert.Equal(2048, DiskLayout.PartitionStartSector);
            Assert.Equal(1048576, DiskLayout.PartitionOffsetBytes);
            Assert.Equal(4194304 - 4096, s_layout.PartitionSectors);
            Assert.Equal((4194304L - 4096) * 512 / 4096, s_layout.FileSystemBlocks);
        }
    }

    public sealed class SfdiskScript
    {
        [Fact]
        public void Writes_a_gpt_with_one_linux_root_x86_64_partition_and_the_chosen_identifiers()
        {
            // Then
            Assert.Equal(
                """
                label: gpt
                label-id: 0A1B2C3D-0000-4000-8000-000000000001
                unit: sectors
                first-lba: 2048
                start=2048, size=4190208, type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, uuid=0A1B2C3D-0000-4000-8000-000000000002, name="root"

                """,
                s_layout.SfdiskScript);
        }
    }

    public sealed class Create
    {
        [Fact]
        public void Gives_each_disk_fresh_identifiers()
        {
            // When
            var first = DiskLayout.Create(DiskLayout.DefaultDiskBytes);
            var second = DiskLayout.Create(DiskLayout.DefaultDiskBytes);

            // Then
            Assert.NotEqual(first.PartitionId, second.PartitionId);
            Assert.NotEqual(first.FileSystemId, second.FileSystemId);
            Assert.NotEqual(first.DiskId, first.PartitionId);
        }

        [Theory]
        [InlineData(32L << 20)]
        [InlineData((2L << 30) + 512)]
        public void Refuses_a_size_that_is_too_small_or_not_whole_mebibytes(long bytes)
        {
            // Then
            Assert.Throws<ArgumentOutOfRangeException>(() => DiskLayout.Create(bytes));
        }
    }
}
