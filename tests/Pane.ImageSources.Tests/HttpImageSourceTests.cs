using Pane.ImageSources.Downloads;
using Pane.Images;

namespace Pane.ImageSources.Tests;

public sealed class HttpImageSourceTests
{
    public sealed class CanAcquire
    {
        [Theory]
        [InlineData("https://host/disk.qcow2", true)]
        [InlineData("http://host/disk.qcow2#sha256=0000000000000000000000000000000000000000000000000000000000000000", true)]
        [InlineData("file:/tmp/disk.qcow2", false)]
        [InlineData("arch", false)]
        public void Understands_http_and_https_URLs_only(string reference, bool expected)
        {
            // Given
            using var downloader = new HttpDownloader(new DownloadOptions());
            var source = new HttpImageSource(downloader);

            // When
            var understood = source.CanAcquire(ImageReference.Parse(reference));

            // Then
            Assert.Equal(expected, understood);
        }
    }

    public sealed class AcquireAsync : IDisposable
    {
        private readonly ScratchDirectory _scratch = new();
        private readonly HttpDownloader _downloader = new(new DownloadOptions());

        [Fact]
        public async Task Refuses_a_URL_without_a_SHA256()
        {
            // Given
            var source = new HttpImageSource(_downloader);

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => source.AcquireAsync(ImageReference.Parse("https://host/disk.qcow2"), _scratch.Path, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("No SHA-256 was given for https://host/disk.qcow2, so the download could not be verified.", error.Message);
            Assert.Equal("Pass --sha256 HEX, or append #sha256=HEX to the URL.", error.Remedy);
        }

        [Fact]
        public async Task Names_the_file_after_the_URL_and_reports_download_progress()
        {
            // Given
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(300_000));
            var source = new HttpImageSource(_downloader);
            var reports = new List<TransferProgress>();

            // When
            var image = await source.AcquireAsync(ImageReference.Parse($"{server.Url("my%20disk.raw")}#sha256={server.Sha256}"), _scratch.Path, new SynchronousProgress<TransferProgress>(reports.Add), TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(Path.Combine(_scratch.Path, "my_disk.raw"), image.Path);
            Assert.Equal(new TransferProgress("download", 300_000, 300_000), reports[^1]);
        }

        public void Dispose()
        {
            _downloader.Dispose();
            _scratch.Dispose();
        }
    }
}
