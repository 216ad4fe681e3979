using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Boot;

namespace Pane.Host.Tests.DiskImages.Boot;

public sealed class BootArtifactDeriverTests
{
    public sealed class DeriveAsync(DistributionImagesFixture images) : IClassFixture<DistributionImagesFixture>, IDisposable
    {
        private readonly ScratchDirectory _home = new();

        [Fact]
        public async Task Extracts_the_kernel_and_initramfs_into_the_boot_cache_under_the_image_hash()
        {
            // Given
            var deriver = new BootArtifactDeriver(new TestPaneHome(_home.Path), new ExtFileSystemOpener());
            var expectedKey = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(images.FedoraQcow2)));

            // When
            var result = await deriver.DeriveAsync(images.FedoraQcow2, TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.FromCache);
            Assert.Equal(expectedKey, result.ImageSha256);
            Assert.Equal(Path.Combine(_home.Path, "cache", "boot", expectedKey), result.CacheDirectory);
            Assert.Equal(DistributionImagesFixture.Content("fedora-boot/vmlinuz-6.5.6-300.fc39.x86_64"), File.ReadAllBytes(result.KernelFile));
            Assert.Equal(DistributionImagesFixture.Content("fedora-boot/initramfs-6.5.6-300.fc39.x86_64.img"), File.ReadAllBytes(result.InitramfsFile!));
            Assert.True(File.Exists(Path.Combine(result.CacheDirectory, "boot.json")));
            Assert.Empty(Directory.GetFiles(result.CacheDirectory, "*.tmp"));
        }

        [Fact]
        public async Task Serves_a_second_call_from_the_cache_with_the_same_choice()
        {
            // Given
            var image = Copy(images.Arch, "arch-cached.raw");
            var deriver = new BootArtifactDeriver(new TestPaneHome(_home.Path), new ExtFileSystemOpener());
            var first = await deriver.DeriveAsync(image, TestContext.Current.CancellationToken);
            File.WriteAllText(first.KernelFile, "kept");

            // When
            var second = await new BootArtifactDeriver(new TestPaneHome(_home.Path), new ExtFileSystemOpener())
                .DeriveAsync(image, TestContext.Current.CancellationToken);

            // Then
            Assert.False(first.FromCache);
            Assert.True(second.FromCache);
            Assert.Equal(first.Artifacts, second.Artifacts);
            Assert.Equal("kept", File.ReadAllText(second.KernelFile));
        }

        [Fact]
        public async Task Reports_the_GPT_backup_header_fallback_and_repeats_it_from_the_cache()
        {
            // Given: the primary GPT header's CRC32 broken
            var image = Copy(images.Arch, "arch-damaged-primary.raw");
            Tools.Patch(image, 512 + 16, [0xde, 0xad]);
            var deriver = new BootArtifactDeriver(new TestPaneHome(_home.Path), new ExtFileSystemOpener());

            // When
            var first = await deriver.DeriveAsync(image, TestContext.Current.CancellationToken);
            var second = await deriver.DeriveAsync(image, TestContext.Current.CancellationToken);

            // Then
            Assert.Contains("primary GPT header", Assert.Single(first.Warnings), StringComparison.Ordinal);
            Assert.True(second.FromCache);
            Assert.Equal(first.Warnings, second.Warnings);
            Assert.Equal(3, first.Artifacts.RootPartitionNumber);
        }

        [Fact]
        public async Task Derives_again_when_the_image_changes()
        {
            // Given
            var image = Copy(images.Debian, "debian-changing.raw");
            var deriver = new BootArtifactDeriver(new TestPaneHome(_home.Path), new ExtFileSystemOpener());
            var first = await deriver.DeriveAsync(image, TestContext.Current.CancellationToken);
            Tools.Patch(image, 1024 * 1024, [0x42]);
            File.SetLastWriteTimeUtc(image, File.GetLastWriteTimeUtc(image).AddSeconds(5));

            // When
            var second = await deriver.DeriveAsync(image, TestContext.Current.CancellationToken);

            // Then
            Assert.False(second.FromCache);
            Assert.NotEqual(first.ImageSha256, second.ImageSha256);
            Assert.Equal(first.Artifacts, second.Artifacts);
        }

        [Fact]
        public async Task Does_not_hash_the_image_again_while_its_size_and_modification_time_stay_the_same()
        {
            // Given
            var image = Copy(images.Ubuntu, "ubuntu-memo.ext4");
            var deriver = new BootArtifactDeriver(new TestPaneHome(_home.Path), new ExtFileSystemOpener());
            var first = await deriver.DeriveAsync(image, TestContext.Current.CancellationToken);
            var modified = File.GetLastWriteTimeUtc(image);
            Tools.Patch(image, 0, [0x42]);
            File.SetLastWriteTimeUtc(image, modified);

            // When
            var second = await deriver.DeriveAsync(image, TestContext.Current.CancellationToken);

            // Then
            Assert.True(second.FromCache);
            Assert.Equal(first.ImageSha256, second.ImageSha256);
        }

        [Fact]
        public async Task Keys_an_image_with_a_backing_file_by_the_whole_chain()
        {
            // Given
            var overlay = _home.File("fedora-overlay.qcow2");
            await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-b", images.FedoraQcow2, "-F", "qcow2", overlay);
            var deriver = new BootArtifactDeriver(new TestPaneHome(_home.Path), new ExtFileSystemOpener());
            var plain = await deriver.DeriveAsync(images.FedoraQcow2, TestContext.Current.CancellationToken);

            // When
            var layered = await deriver.DeriveAsync(overlay, TestContext.Current.CancellationToken);

            // Then
            Assert.NotEqual(plain.ImageSha256, layered.ImageSha256);
            Assert.Equal(plain.Artifacts, layered.Artifacts);
            Assert.Equal(File.ReadAllBytes(plain.KernelFile), File.ReadAllBytes(layered.KernelFile));
        }

        public void Dispose() => _home.Dispose();

        private string Copy(string source, string name)
        {
            var copy = _home.File(name);
            File.Copy(source, copy);
            return copy;
        }
    }
}
