using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Pane.Images;

namespace Pane.ImageSources.Downloads;

/// <summary>
/// Downloads one file over HTTP(S) into <c>FILE.partial</c>, hashing while it streams, and renames it to
/// <c>FILE</c> only when its SHA-256 is the expected one. An interrupted download resumes with a <c>Range</c>
/// request, in this run (transient errors are retried with growing waits) or the next one, as long as the URL, the
/// expected hash and the server's version of the file (<c>If-Range</c>) are the same.
/// </summary>
internal sealed class HttpDownloader : IDisposable
{
    private const string PartialSuffix = ".partial";
    private const string StateSuffix = ".partial.json";

    private readonly DownloadOptions _options;
    private HttpClient? _client;
    private readonly Func<string, long?> _freeSpace;

    /// <summary>Initializes a new instance of the <see cref="HttpDownloader"/> class.</summary>
    /// <param name="options">Timeouts and retries.</param>
    public HttpDownloader(DownloadOptions options)
        : this(options, FreeSpace)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HttpDownloader"/> class.</summary>
    /// <param name="options">Timeouts and retries.</param>
    /// <param name="freeSpace">Tells the free bytes of the volume of a folder, or <see langword="null"/> when unknown.</param>
    public HttpDownloader(DownloadOptions options, Func<string, long?> freeSpace)
    {
        _options = options;
        _freeSpace = freeSpace;
    }

    /// <summary>Gets the partial file of a download.</summary>
    /// <param name="file">The finished file's path.</param>
    /// <returns>The path of the partial file.</returns>
    public static string PartialOf(string file) => file + PartialSuffix;

    /// <summary>Downloads <paramref name="url"/> to <paramref name="file"/>.</summary>
    /// <param name="url">The URL, <c>http</c> or <c>https</c>.</param>
    /// <param name="sha256">The lower-case hexadecimal SHA-256 the file must have.</param>
    /// <param name="file">Where the verified file goes.</param>
    /// <param name="progress">Receives progress, if not <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The size of the file in bytes.</returns>
    /// <exception cref="PaneException">The file could not be downloaded, or its hash is not the expected one.</exception>
    public async Task<long> DownloadAsync(Uri url, string sha256, string file, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (File.Exists(file))
        {
            if (await HashOfAsync(file, progress, cancellationToken).ConfigureAwait(false) == sha256)
            {
                return new FileInfo(file).Length;
            }

            File.Delete(file);
        }

        var state = ReadState(file);
        if (state is not null && !state.IsFor(url, sha256))
        {
            Discard(file);
            state = null;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(url, sha256, file, state, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (TransientDownloadException) when (attempt < _options.MaxAttempts)
            {
                state = ReadState(file);
                await Task.Delay(_options.RetryDelay(attempt + 1), cancellationToken).ConfigureAwait(false);
            }
            catch (TransientDownloadException error)
            {
                throw new PaneException(
                    $"{error.Message} Pane gave up after {attempt} attempts.",
                    File.Exists(PartialOf(file))
                        ? "Run the same command again later: the download resumes where it stopped."
                        : "Check the URL and the network, then run the same command again.",
                    error);
            }
        }
    }

    /// <summary>Reads a small text file, such as a published checksum.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The text.</returns>
    /// <exception cref="PaneException">The file could not be read, or is larger than 64 KiB.</exception>
    public async Task<string> ReadTextAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        try
        {
            using var response = await SendAsync(request, url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(url, response);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var buffer = new byte[64 << 10];
                var filled = 0;
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                    if (filled == buffer.Length)
                    {
                        throw new PaneException($"{url} is larger than the 64 KiB a checksum file may have.", "Check the URL.");
                    }
                }

                return System.Text.Encoding.UTF8.GetString(buffer, 0, filled);
            }
        }
        catch (Exception error) when (error is TransientDownloadException or IOException or HttpRequestException)
        {
            throw new PaneException($"{url} could not be read: {error.Message.TrimEnd('.')}.", "Check the network connection, then run the command again.", error);
        }
    }

    public void Dispose() => _client?.Dispose();

    private async Task<long> AttemptAsync(Uri url, string sha256, string file, PartialDownload? state, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var partial = PartialOf(file);
        var offset = state is not null && File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
            if (state?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag) && !tag.IsWeak)
            {
                request.Headers.IfRange = new RangeConditionHeaderValue(tag);
            }
            else if (state?.LastModified is { } lastModified)
            {
                request.Headers.IfRange = new RangeConditionHeaderValue(lastModified);
            }
        }

        using var response = await SendAsync(request, url, cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when offset > 0 && response.Content.Headers.ContentRange?.From == offset:
                break;
            case HttpStatusCode.RequestedRangeNotSatisfiable when offset > 0:
                return await FinishAtEndAsync(url, sha256, file, offset, response, progress, cancellationToken).ConfigureAwait(false);
            case HttpStatusCode.OK:
            case HttpStatusCode.PartialContent:
                offset = 0;
                break;
            default:
                throw Failure(url, response);
        }

        var remaining = response.Content.Headers.ContentLength;
        var total = offset + remaining ?? response.Content.Headers.ContentRange?.Length;
        CheckFreeSpace(url, file, remaining);
        var started = new PartialDownload(url.AbsoluteUri, sha256, StrongETag(response), response.Content.Headers.LastModified, total);
        await WriteStateAsync(file, started, cancellationToken).ConfigureAwait(false);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var handle = File.OpenHandle(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read))
        {
            RandomAccess.SetLength(handle, offset);
            if (offset > 0)
            {
                await HashPrefixAsync(partial, offset, hash, total, progress, cancellationToken).ConfigureAwait(false);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var copier = new HashingCopier(_options.BufferSize, _options.StallTimeout);
                try
                {
                    await copier.CopyAsync(body, handle, offset, hash, done => progress?.Report(new TransferProgress("download", done, total)), cancellationToken).ConfigureAwait(false);
                }
                catch (StalledException error)
                {
                    throw new TransientDownloadException(
                        string.Create(CultureInfo.InvariantCulture, $"The download of {url} stalled: no data arrived for {_options.StallTimeout.TotalSeconds:0.#} s."),
                        error);
                }
                catch (IOException error) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TransientDownloadException($"The connection for {url} broke off in the middle of the file.", error);
                }
                catch (HttpRequestException error)
                {
                    throw new TransientDownloadException($"The connection for {url} broke off in the middle of the file.", error);
                }
            }
        }

        return Finish(url, sha256, file, Sha256Hex.Finish(hash));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri url, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(_options.StallTimeout + _options.ConnectTimeout);
        try
        {
            return await LazyInitializer.EnsureInitialized(ref _client, () => CreateClient(_options)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadException(
                string.Create(CultureInfo.InvariantCulture, $"The server of {url} did not answer within {(_options.StallTimeout + _options.ConnectTimeout).TotalSeconds:0.#} s."),
                error);
        }
        catch (HttpRequestException error) when (error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            throw new ServerUnreachableException(
                $"The server at {url.Host}:{url.Port} refused the connection for {url}.",
                "Check that the URL's server runs and the address is right, then run the same command again.",
                error);
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            throw new ServerUnreachableException(
                $"The server of {url} cannot be reached: its host name '{url.Host}' does not resolve from this machine.",
                "Check the network connection and the URL, then run the same command again.",
                error);
        }
        catch (HttpRequestException error) when (error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
        {
            throw new ServerUnreachableException(
                $"The server of {url} cannot be reached: {error.Message.TrimEnd('.')}.",
                "Check the network connection and the URL, then run the same command again.",
                error);
        }
        catch (HttpRequestException error)
        {
            throw new TransientDownloadException($"The request for {url} failed: {error.Message.TrimEnd('.')}.", error);
        }
    }

    private static async Task<long> FinishAtEndAsync(Uri url, string sha256, string file, long offset, HttpResponseMessage response, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentRange?.Length == offset)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await HashPrefixAsync(PartialOf(file), offset, hash, offset, progress, cancellationToken).ConfigureAwait(false);
            return Finish(url, sha256, file, Sha256Hex.Finish(hash));
        }

        Discard(file);
        throw new TransientDownloadException($"The server of {url} refused to continue the partial file, so the download starts over.", null);
    }

    private static long Finish(Uri url, string sha256, string file, string actual)
    {
        var partial = PartialOf(file);
        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            Discard(file);
            throw new PaneException(
                $"The download of {url} does not have the expected SHA-256: expected {sha256}, got {actual}.",
                "The partial file was deleted; check the URL and the SHA-256 given for it, then run the command again.");
        }

        File.Move(partial, file, overwrite: true);
        File.Delete(file + StateSuffix);
        return new FileInfo(file).Length;
    }

    private void CheckFreeSpace(Uri url, string file, long? remaining)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (remaining is { } needed && _freeSpace(folder) is { } free && needed > free)
        {
            throw new PaneException(
                string.Create(CultureInfo.InvariantCulture, $"There is not enough free space for {url}: it needs {needed} more bytes and {folder} has {free} free."),
                "Free some space on that disk, or point PANE_HOME (or --home) at a larger one, then run the command again.");
        }
    }

    private static Exception Failure(Uri url, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var phrase = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => (Exception)new PaneException(
                string.Create(CultureInfo.InvariantCulture, $"{url} was not found on its server (HTTP {status})."),
                "Check the URL (for the Arch image: PANE_BASE_IMAGE_URL), then run the command again."),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError => new TransientDownloadException(
                string.Create(CultureInfo.InvariantCulture, $"The server of {url} answered HTTP {status} {phrase}."),
                null),
            _ => new PaneException(
                string.Create(CultureInfo.InvariantCulture, $"The server of {url} refused the download with HTTP {status} {phrase}."),
                "Check the URL and that the file is public, then run the command again."),
        };
    }

    private static string? StrongETag(HttpResponseMessage response) =>
        response.Headers.ETag is { IsWeak: false } tag ? tag.ToString() : null;

    private static async Task HashPrefixAsync(string partial, long length, IncrementalHash hash, long? total, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[4 << 20];
        using var handle = File.OpenHandle(partial, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        for (long done = 0; done < length;)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)), done, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"The partial file {partial} is shorter than it was a moment ago.");
            }

            hash.AppendData(buffer, 0, read);
            done += read;
            progress?.Report(new TransferProgress("verify", done, total));
        }
    }

    private static async Task<string> HashOfAsync(string file, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = new FileInfo(file).Length;
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            await new HashingCopier(4 << 20, null).CopyAsync(stream, null, 0, hash, done => progress?.Report(new TransferProgress("verify", done, length)), cancellationToken).ConfigureAwait(false);
        }

        return Sha256Hex.Finish(hash);
    }

    private static PartialDownload? ReadState(string file)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(file + StateSuffix), DownloadJsonContext.Default.PartialDownload);
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task WriteStateAsync(string file, PartialDownload state, CancellationToken cancellationToken)
    {
        var target = file + StateSuffix;
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(state, DownloadJsonContext.Default.PartialDownload), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, target, overwrite: true);
    }

    private static void Discard(string file)
    {
        File.Delete(PartialOf(file));
        File.Delete(file + StateSuffix);
    }

    private static long? FreeSpace(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates the HTTP client on the first download, so that a command which only lists the image sources never
    /// loads the HTTP stack.
    /// </summary>
    private static HttpClient CreateClient(DownloadOptions options)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Pane", "0.1"));
        return client;
    }
}
