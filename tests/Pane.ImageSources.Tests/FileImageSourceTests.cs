using System.Security.Cryptography;
using Pane.Host.Platform;
using Pane.Images;
using Pane.Machines;
using Pane.Platform;

namespace Pane.ImageSources.Tests;

public sealed class FileImageSourceTests
{
    private static async Task<string> InodeOfAsync(string path)
    {
        var result = await new ProcessRunner().RunAsync(new ProcessCommand("stat", ["-c", "%i", path]), TestContext.Current.CancellationToken);
        return result.StandardOutputText.Trim();
    }

    public sealed class AcquireAsync : IDisposable
    {
        private readonly ScratchDirectory _scratch = new();
        private readonly FileImageSource _source = new();

        [Fact]
        public async Task Links_a_file_on_the_same_filesystem_and_computes_its_hash()
        {
            // Given
            var file = _scratch.File("disk.raw");
            await File.WriteAllBytesAsync(file, HttpDownloaderContent(), TestContext.Current.CancellationToken);
            var store = _scratch.File("store");

            // When
            var image = await _source.AcquireAsync(ImageReference.Parse($"file:{file}"), store, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(Path.Combine(store, "disk.raw"), image.Path);
            Assert.Equal(await InodeOfAsync(file), await InodeOfAsync(image.Path));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(HttpDownloaderContent())), image.Sha256);
            Assert.Equal(DiskFormat.Raw, image.Format);
            Assert.Equal(file, image.Origin);
        }

        [Fact]
        public async Task Copies_a_file_from_another_filesystem_in_the_pass_that_hashes_it()
        {
            if (!Directory.Exists("/dev/shm"))
            {
                Assert.Skip("Needs /dev/shm, a filesystem other than the temporary folder's.");
            }

            // Given
            var file = Path.Combine("/dev/shm", $"pane-test-{Guid.NewGuid():N}.raw");
            await File.WriteAllBytesAsync(file, HttpDownloaderContent(), TestContext.Current.CancellationToken);
            try
            {
                // When
                var image = await _source.AcquireAsync(ImageReference.Parse($"file:{file}"), _scratch.Path, null, TestContext.Current.CancellationToken);

                // Then
                Assert.NotEqual(await InodeOfAsync(file), await InodeOfAsync(image.Path));
                Assert.Equal(HttpDownloaderContent(), await File.ReadAllBytesAsync(image.Path, TestContext.Current.CancellationToken));
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(HttpDownloaderContent())), image.Sha256);
                Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_scratch.Path).Select(Path.GetFileName));
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public async Task Detects_a_qcow2_image_by_its_magic()
        {
            // Given
            var file = _scratch.File("disk.img");
            await new ProcessRunner().RunAsync(new ProcessCommand("qemu-img", ["create", "-q", "-f", "qcow2", file, "16M"]), TestContext.Current.CancellationToken);

            // When
            var image = await _source.AcquireAsync(ImageReference.Parse($"file:{file}"), _scratch.File("store"), null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(DiskFormat.Qcow2, image.Format);
        }

        [Fact]
        public async Task Refuses_a_missing_file()
        {
            // Given
            var file = _scratch.File("missing.raw");

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => _source.AcquireAsync(ImageReference.Parse($"file:{file}"), _scratch.Path, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal($"The image file {file} does not exist.", error.Message);
        }

        [Fact]
        public async Task Refuses_a_file_whose_hash_is_not_the_expected_one_and_keeps_nothing()
        {
            // Given
            var file = _scratch.File("disk.raw");
            await File.WriteAllBytesAsync(file, HttpDownloaderContent(), TestContext.Current.CancellationToken);
            var store = _scratch.File("store");

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => _source.AcquireAsync(ImageReference.Parse($"file:{file}#sha256={new string('b', 64)}"), store, null, TestContext.Current.CancellationToken));

            // Then
            Assert.StartsWith($"The image file {file} does not have the expected SHA-256: expected {new string('b', 64)}, got ", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(store));
            Assert.True(File.Exists(file));
        }

        public void Dispose() => _scratch.Dispose();

        private static byte[] HttpDownloaderContent() => Downloads.HttpDownloaderTests.Content(300_000);
    }
}
