using System.Net;
using System.Net.Sockets;
using System.Text;
using Pane.Desktops;
using Pane.ImageSources.Downloads;
using Pane.Images;

namespace Pane.ImageSources.Tests;

public sealed class ArchImageSourceTests
{
    public sealed class AcquireAsync : IDisposable
    {
        private readonly ScratchDirectory _scratch = new();
        private readonly HttpDownloader _downloader = new(new DownloadOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(10) });

        [Fact]
        public async Task Downloads_the_image_that_the_environment_names_with_its_hash()
        {
            // Given
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(500_000));
            var environment = new Dictionary<string, string?>
            {
                [ArchImageSource.UrlVariable] = server.Url("Arch-Linux-x86_64-basic.qcow2").AbsoluteUri,
                [ArchImageSource.Sha256Variable] = server.Sha256.ToUpperInvariant(),
            };
            var source = new ArchImageSource(_downloader, name => environment.GetValueOrDefault(name));

            // When
            var image = await source.AcquireAsync(ImageReference.Parse("arch"), _scratch.Path, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(server.Sha256, image.Sha256);
            Assert.Equal(DistributionFamily.Arch, image.Family);
            Assert.Equal(Path.Combine(_scratch.Path, "Arch-Linux-x86_64-basic.qcow2"), image.Path);
            Assert.Equal(server.Url("Arch-Linux-x86_64-basic.qcow2").AbsoluteUri, image.Origin);
        }

        [Fact]
        public async Task Pins_the_hash_from_the_checksum_file_published_beside_the_image_when_none_is_configured()
        {
            // Given
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(500_000));
            server.OtherFiles["/images/Arch-Linux-x86_64-basic.qcow2.SHA256"] = Encoding.ASCII.GetBytes($"{server.Sha256}  Arch-Linux-x86_64-basic.qcow2\n");
            var url = server.Url("Arch-Linux-x86_64-basic.qcow2").AbsoluteUri;
            var source = new ArchImageSource(_downloader, name => name == ArchImageSource.UrlVariable ? url : null);

            // When
            var image = await source.AcquireAsync(ImageReference.Parse("arch"), _scratch.Path, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(server.Sha256, image.Sha256);
            Assert.Equal(["/images/Arch-Linux-x86_64-basic.qcow2.SHA256", "/images/Arch-Linux-x86_64-basic.qcow2"], server.Requests.Select(request => request.Path));
        }

        [Fact]
        public async Task Says_in_one_sentence_that_the_server_cannot_be_reached_so_that_the_host_may_fall_back()
        {
            // Given: a loopback port nothing listens on
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var environment = new Dictionary<string, string?>
            {
                [ArchImageSource.UrlVariable] = $"http://127.0.0.1:{port}/images/Arch-Linux-x86_64-basic.qcow2",
                [ArchImageSource.Sha256Variable] = new string('c', 64),
            };
            var source = new ArchImageSource(_downloader, name => environment.GetValueOrDefault(name));

            // When
            var error = await Assert.ThrowsAsync<ImageServerUnreachableException>(() => source.AcquireAsync(ImageReference.Parse("arch"), _scratch.Path, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("The Arch base image cannot be downloaded: 127.0.0.1 cannot be reached from this machine.", error.Message);
            Assert.Contains("PANE_BASE_IMAGE_URL", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Refuses_a_configured_URL_that_is_not_http()
        {
            // Given
            var source = new ArchImageSource(_downloader, name => name == ArchImageSource.UrlVariable ? "ftp://example/a.qcow2" : null);

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => source.AcquireAsync(ImageReference.Parse("arch"), _scratch.Path, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("PANE_BASE_IMAGE_URL is 'ftp://example/a.qcow2', which is not an https:// or http:// URL.", error.Message);
        }

        [Fact]
        public void Uses_the_Arch_projects_basic_image_by_default()
        {
            // Given
            var source = new ArchImageSource(_downloader, _ => null);

            // When
            var description = source.Description;

            // Then
            Assert.Contains(ArchImageSource.DefaultUrl, description, StringComparison.Ordinal);
            Assert.EndsWith("/images/latest/Arch-Linux-x86_64-basic.qcow2", ArchImageSource.DefaultUrl, StringComparison.Ordinal);
        }

        public void Dispose()
        {
            _downloader.Dispose();
            _scratch.Dispose();
        }
    }
}
