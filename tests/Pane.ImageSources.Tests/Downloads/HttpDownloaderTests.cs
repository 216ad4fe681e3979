using System.Net;
using System.Net.Sockets;
using Pane.ImageSources.Downloads;

namespace Pane.ImageSources.Tests.Downloads;

public sealed class HttpDownloaderTests
{
    private const int MiB = 1 << 20;

    private static readonly DownloadOptions s_quick = new()
    {
        StallTimeout = TimeSpan.FromMilliseconds(500),
        FirstRetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        MaxAttempts = 4,
        BufferSize = 64 << 10,
    };

    internal static byte[] Content(int length)
    {
        var bytes = new byte[length];
        new Random(20261127).NextBytes(bytes);
        return bytes;
    }

    public sealed class DownloadAsync : IDisposable
    {
        private readonly ScratchDirectory _scratch = new();

        private string Target => _scratch.File("disk.qcow2");

        [Fact]
        public async Task Downloads_the_file_verified_and_leaves_no_partial_file()
        {
            // Given
            await using var server = new TestHttpServer(Content(3 * MiB));
            using var downloader = new HttpDownloader(s_quick);

            // When
            var size = await downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(3 * MiB, size);
            Assert.Equal(server.Content, await File.ReadAllBytesAsync(Target, TestContext.Current.CancellationToken));
            Assert.Equal([Path.GetFileName(Target)], Directory.GetFiles(_scratch.Path).Select(Path.GetFileName));
        }

        [Fact]
        public async Task Resumes_with_a_range_request_when_the_connection_is_cut_mid_body()
        {
            // Given
            await using var server = new TestHttpServer(Content(3 * MiB));
            server.Then(Misbehaviour.Cut(MiB + 12345));
            using var downloader = new HttpDownloader(s_quick);

            // When
            await downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(server.Content, await File.ReadAllBytesAsync(Target, TestContext.Current.CancellationToken));
            Assert.Equal(2, server.Requests.Count);
            Assert.Null(server.Requests[0].Range);
            Assert.InRange(server.Requests[1].RangeStart!.Value, 1, MiB + 12345);
            Assert.Equal("\"v1\"", server.Requests[1].IfRange);
        }

        [Fact]
        public async Task Resumes_with_a_range_request_after_a_stall()
        {
            // Given
            await using var server = new TestHttpServer(Content(2 * MiB));
            server.Then(Misbehaviour.Stall(MiB));
            using var downloader = new HttpDownloader(s_quick);

            // When
            await downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(server.Content, await File.ReadAllBytesAsync(Target, TestContext.Current.CancellationToken));
            Assert.True(server.Requests[1].RangeStart > 0);
        }

        [Fact]
        public async Task Gives_up_on_a_server_that_keeps_stalling_with_one_sentence_and_keeps_the_partial_file()
        {
            // Given
            await using var server = new TestHttpServer(Content(2 * MiB));
            server.Then(Misbehaviour.Stall(MiB), Misbehaviour.Stall(0), Misbehaviour.Stall(0), Misbehaviour.Stall(0));
            using var downloader = new HttpDownloader(s_quick);

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken));

            // Then
            Assert.StartsWith($"The download of {server.Url()} stalled: no data arrived for 0.5 s.", error.Message, StringComparison.Ordinal);
            Assert.Contains("resumes", error.Remedy, StringComparison.Ordinal);
            Assert.True(new FileInfo(HttpDownloader.PartialOf(Target)).Length > 0);
            Assert.False(File.Exists(Target));
        }

        [Fact]
        public async Task Retries_a_server_error_and_then_succeeds()
        {
            // Given
            await using var server = new TestHttpServer(Content(MiB));
            server.Then(Misbehaviour.Answer(500), Misbehaviour.Answer(500));
            using var downloader = new HttpDownloader(s_quick);

            // When
            await downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(3, server.Requests.Count);
            Assert.Equal(server.Content, await File.ReadAllBytesAsync(Target, TestContext.Current.CancellationToken));
        }

        [Fact]
        public async Task Ends_a_server_error_that_persists_with_the_status_after_the_last_attempt()
        {
            // Given
            await using var server = new TestHttpServer(Content(MiB));
            server.Then(Misbehaviour.Answer(500), Misbehaviour.Answer(500), Misbehaviour.Answer(500), Misbehaviour.Answer(500));
            using var downloader = new HttpDownloader(s_quick);

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal($"The server of {server.Url()} answered HTTP 500 Internal Server Error. Pane gave up after 4 attempts.", error.Message);
            Assert.Equal(4, server.Requests.Count);
            Assert.False(File.Exists(Target));
        }

        [Fact]
        public async Task Ends_a_404_at_once_with_one_sentence()
        {
            // Given
            await using var server = new TestHttpServer(Content(MiB));
            server.Then(Misbehaviour.Answer(404));
            using var downloader = new HttpDownloader(s_quick);

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal($"{server.Url()} was not found on its server (HTTP 404).", error.Message);
            Assert.Single(server.Requests);
            Assert.Empty(Directory.GetFiles(_scratch.Path));
        }

        [Fact]
        public async Task Ends_a_refused_connection_with_one_sentence()
        {
            // Given
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            using var downloader = new HttpDownloader(s_quick);
            var url = new Uri($"http://127.0.0.1:{port}/disk.qcow2");

            // When
            var error = await Assert.ThrowsAsync<ServerUnreachableException>(() => downloader.DownloadAsync(url, new string('0', 64), Target, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal($"The server at 127.0.0.1:{port} refused the connection for {url}.", error.Message);
        }

        [Fact]
        public async Task Deletes_the_partial_file_of_wrong_bytes_and_names_both_hashes()
        {
            // Given
            await using var server = new TestHttpServer(Content(MiB));
            server.Then(new Misbehaviour { WrongBytes = true });
            using var downloader = new HttpDownloader(s_quick);
            var wrong = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. server.Content.Select(b => (byte)(b ^ 0x5a))]));

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal($"The download of {server.Url()} does not have the expected SHA-256: expected {server.Sha256}, got {wrong}.", error.Message);
            Assert.Empty(Directory.GetFiles(_scratch.Path));
        }

        [Fact]
        public async Task Ends_verified_when_the_server_announces_more_bytes_than_it_sends()
        {
            // Given
            await using var server = new TestHttpServer(Content(MiB));
            server.Then(new Misbehaviour { ExtraAnnouncedBytes = 4096 });
            using var downloader = new HttpDownloader(s_quick);

            // When
            await downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(server.Content, await File.ReadAllBytesAsync(Target, TestContext.Current.CancellationToken));
            Assert.Equal(MiB, server.Requests[1].RangeStart);
        }

        [Fact]
        public async Task Refuses_a_body_cut_short_by_a_smaller_Content_Length_as_a_hash_mismatch()
        {
            // Given
            await using var server = new TestHttpServer(Content(MiB));
            server.Then(new Misbehaviour { ExtraAnnouncedBytes = -4096 });
            using var downloader = new HttpDownloader(s_quick);

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Contains($"expected {server.Sha256}, got ", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(_scratch.Path));
        }

        [Fact]
        public async Task Checks_free_space_against_Content_Length_before_the_first_byte()
        {
            // Given
            await using var server = new TestHttpServer(Content(MiB));
            using var downloader = new HttpDownloader(s_quick, _ => 1000);

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => downloader.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal($"There is not enough free space for {server.Url()}: it needs {MiB} more bytes and {_scratch.Path} has 1000 free.", error.Message);
            Assert.Empty(Directory.GetFiles(_scratch.Path));
        }

        [Fact]
        public async Task Continues_the_partial_file_of_an_earlier_run_with_a_range_request()
        {
            // Given
            await using var server = new TestHttpServer(Content(2 * MiB));
            server.Then(Misbehaviour.Cut(MiB));
            using (var first = new HttpDownloader(s_quick with { MaxAttempts = 1 }))
            {
                await Assert.ThrowsAsync<PaneException>(() => first.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken));
            }

            var kept = new FileInfo(HttpDownloader.PartialOf(Target)).Length;
            using var second = new HttpDownloader(s_quick);

            // When
            await second.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken);

            // Then
            Assert.True(kept > 0);
            Assert.Equal(kept, server.Requests[1].RangeStart);
            Assert.Equal(server.Content, await File.ReadAllBytesAsync(Target, TestContext.Current.CancellationToken));
        }

        [Fact]
        public async Task Starts_over_when_the_file_changed_on_the_server()
        {
            // Given
            await using var server = new TestHttpServer(Content(2 * MiB));
            server.Then(Misbehaviour.Cut(MiB));
            using (var first = new HttpDownloader(s_quick with { MaxAttempts = 1 }))
            {
                await Assert.ThrowsAsync<PaneException>(() => first.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken));
            }

            server.ETag = "\"v2\"";
            using var second = new HttpDownloader(s_quick);

            // When
            await second.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal("\"v1\"", server.Requests[1].IfRange);
            Assert.Equal(server.Content, await File.ReadAllBytesAsync(Target, TestContext.Current.CancellationToken));
        }

        [Fact]
        public async Task Does_not_continue_the_partial_file_of_another_expected_hash()
        {
            // Given
            await using var server = new TestHttpServer(Content(2 * MiB));
            server.Then(Misbehaviour.Cut(MiB));
            using (var first = new HttpDownloader(s_quick with { MaxAttempts = 1 }))
            {
                await Assert.ThrowsAsync<PaneException>(() => first.DownloadAsync(server.Url(), new string('a', 64), Target, null, TestContext.Current.CancellationToken));
            }

            using var second = new HttpDownloader(s_quick);

            // When
            await second.DownloadAsync(server.Url(), server.Sha256, Target, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Null(server.Requests[1].Range);
            Assert.Equal(server.Content, await File.ReadAllBytesAsync(Target, TestContext.Current.CancellationToken));
        }

        public void Dispose() => _scratch.Dispose();
    }
}
