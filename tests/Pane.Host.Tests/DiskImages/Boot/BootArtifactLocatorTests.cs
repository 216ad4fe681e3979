using Pane.Desktops;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Boot;

namespace Pane.Host.Tests.DiskImages.Boot;

public sealed class BootArtifactLocatorTests
{
    public sealed class Locate(DistributionImagesFixture images) : IClassFixture<DistributionImagesFixture>
    {
        [Fact]
        public void Finds_Arch_on_a_GPT_disk_whose_root_is_the_third_partition()
        {
            // When
            var artifacts = LocateIn(images.Arch, out var boot);

            // Then
            Assert.Equal("/boot/vmlinuz-linux", artifacts.KernelPath);
            Assert.Equal("/boot/initramfs-linux.img", artifacts.InitramfsPath);
            Assert.Equal(3, artifacts.RootPartitionNumber);
            Assert.Equal(3, boot);
            Assert.Equal($"root=PARTUUID={DistributionImagesFixture.ArchRootUuid}", artifacts.RootArgument);
            Assert.Equal(DistributionFamily.Arch, artifacts.Family);
        }

        [Fact]
        public void Finds_the_newest_Debian_kernel_on_a_logical_MBR_partition()
        {
            // When
            var artifacts = LocateIn(images.Debian, out _);

            // Then
            Assert.Equal("/boot/vmlinuz-6.1.0-13-amd64", artifacts.KernelPath);
            Assert.Equal("/boot/initrd.img-6.1.0-13-amd64", artifacts.InitramfsPath);
            Assert.Equal(6, artifacts.RootPartitionNumber);
            Assert.Equal("root=PARTUUID=5eed0001-06", artifacts.RootArgument);
            Assert.Equal(DistributionFamily.Debian, artifacts.Family);
            Assert.Equal("Debian GNU/Linux 12 (bookworm)", artifacts.DistributionName);
        }

        [Theory]
        [InlineData("fedora.raw")]
        [InlineData("fedora.qcow2")]
        public void Finds_the_Fedora_kernel_on_a_separate_boot_partition_and_the_root_by_its_GPT_type(string name)
        {
            // When
            var artifacts = LocateIn(images.Path(name), out var boot);

            // Then
            Assert.Equal("/vmlinuz-6.5.6-300.fc39.x86_64", artifacts.KernelPath);
            Assert.Equal("/initramfs-6.5.6-300.fc39.x86_64.img", artifacts.InitramfsPath);
            Assert.Equal(2, boot);
            Assert.Equal(3, artifacts.RootPartitionNumber);
            Assert.Equal($"root=PARTUUID={DistributionImagesFixture.FedoraRootUuid}", artifacts.RootArgument);
            Assert.Equal(DistributionFamily.Fedora, artifacts.Family);
        }

        [Fact]
        public void Follows_the_vmlinuz_symlink_of_a_bare_filesystem_and_names_the_root_by_filesystem_UUID()
        {
            // When
            var artifacts = LocateIn(images.Ubuntu, out var boot);

            // Then
            Assert.Equal("/boot/vmlinuz-6.8.0-31-generic", artifacts.KernelPath);
            Assert.Equal("/boot/initrd.img-6.8.0-31-generic", artifacts.InitramfsPath);
            Assert.Null(artifacts.RootPartitionNumber);
            Assert.Null(boot);
            Assert.Equal($"root=UUID={DistributionImagesFixture.UbuntuFsUuid}", artifacts.RootArgument);
            Assert.Equal(DistributionFamily.Debian, artifacts.Family);
        }

        [Theory]
        [InlineData("arch-lts.ext4", "/boot/vmlinuz-linux-lts", "/boot/initramfs-linux-lts.img")]
        [InlineData("arch-zen.ext4", "/boot/vmlinuz-linux-zen", "/boot/initramfs-linux-zen.img")]
        public void Takes_the_only_Arch_flavour_with_its_initramfs_not_the_fallback(string name, string kernel, string initramfs)
        {
            // When
            var artifacts = LocateIn(images.Path(name), out var boot);

            // Then
            Assert.Equal(kernel, artifacts.KernelPath);
            Assert.Equal(initramfs, artifacts.InitramfsPath);
            Assert.Null(boot);
            Assert.Equal(DistributionFamily.Arch, artifacts.Family);
        }

        [Fact]
        public void Finds_the_newest_Fedora_kernel_in_the_root_filesystems_own_boot_folder_not_the_rescue_one()
        {
            // When
            var artifacts = LocateIn(images.FedoraSingle, out _);

            // Then
            Assert.Equal("/boot/vmlinuz-6.5.6-300.fc39.x86_64", artifacts.KernelPath);
            Assert.Equal("/boot/initramfs-6.5.6-300.fc39.x86_64.img", artifacts.InitramfsPath);
            Assert.Equal("6.5.6-300.fc39.x86_64", artifacts.KernelVersion);
            Assert.Equal(DistributionFamily.Fedora, artifacts.Family);
        }

        [Fact]
        public void Refuses_an_image_without_a_Linux_filesystem()
        {
            // Given
            var empty = images.Path("empty.raw");
            Tools.CreateFile(empty, 1024 * 1024);

            // When
            using var volumes = ImageVolumes.Open(empty, new ExtFileSystemOpener());
            var error = Assert.Throws<ImageFormatException>(() => BootArtifactLocator.Locate(volumes, out _));

            // Then
            Assert.Contains("no Linux root filesystem", error.Message, StringComparison.Ordinal);
        }

        private static BootArtifacts LocateIn(string path, out int? bootPartition)
        {
            using var volumes = ImageVolumes.Open(path, new ExtFileSystemOpener());
            var artifacts = BootArtifactLocator.Locate(volumes, out var boot);
            bootPartition = boot.Partition?.Number;
            return artifacts;
        }
    }
}
