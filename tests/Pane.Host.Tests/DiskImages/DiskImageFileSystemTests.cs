using Pane.Host.DiskImages;
using Pane.Host.Tests.DiskImages.Boot;

namespace Pane.Host.Tests.DiskImages;

public sealed class DiskImageFileSystemTests
{
    public sealed class OpenFileSystem(DistributionImagesFixture images) : IClassFixture<DistributionImagesFixture>
    {
        [Fact]
        public void Opens_the_ext4_filesystem_of_a_partition_of_a_qcow2_image()
        {
            // Given
            using var image = DiskImage.Open(images.FedoraQcow2);
            var root = image.ReadPartitionTable().Partitions[2];

            // When
            using var fileSystem = image.OpenFileSystem(root);
            var osRelease = fileSystem.GetEntry("/etc/os-release");

            // Then
            Assert.Equal("ext4", fileSystem.Type);
            Assert.Equal("fedora-root", fileSystem.Label);
            Assert.Equal(FileSystemEntryKind.File, osRelease?.Kind);
        }

        [Fact]
        public void Opens_a_bare_filesystem_without_a_partition()
        {
            // Given
            using var image = DiskImage.Open(images.Ubuntu);

            // When
            using var fileSystem = image.OpenFileSystem(partition: null);

            // Then
            Assert.Equal(Guid.Parse(DistributionImagesFixture.UbuntuFsUuid), fileSystem.Uuid);
        }

        [Fact]
        public void Refuses_a_partition_without_a_filesystem_it_reads()
        {
            // Given
            using var image = DiskImage.Open(images.Fedora);
            var efi = image.ReadPartitionTable().Partitions[0];

            // When
            var error = Assert.Throws<ImageFormatException>(() => image.OpenFileSystem(efi));

            // Then
            Assert.Contains("Partition 1", error.Message, StringComparison.Ordinal);
        }
    }
}
