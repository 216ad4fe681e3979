using Pane.ImageSources.Downloads;
using Pane.Images;

namespace Pane.ImageSources;

/// <summary>
/// <c>https://...</c> and <c>http://...</c>: downloads an image whose SHA-256 is given (<c>--sha256</c> or a
/// <c>#sha256=</c> fragment), resuming an interrupted download.
/// </summary>
internal sealed class HttpImageSource : IImageSource
{
    private readonly HttpDownloader _downloader;

    public HttpImageSource(HttpDownloader downloader)
    {
        _downloader = downloader;
    }

    /// <inheritdoc/>
    public string Id => "https";

    /// <inheritdoc/>
    public string Description => "A raw or qcow2 image downloaded from an https:// or http:// URL, verified against the SHA-256 given with it.";

    /// <inheritdoc/>
    public bool CanAcquire(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Scheme is "https" or "http" && reference.Location.StartsWith("//", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public async Task<AcquiredImage> AcquireAsync(ImageReference reference, string destinationDirectory, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = $"{reference.Scheme}:{reference.Location}";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            throw new PaneException($"'{text}' is not a URL.", "Write the image's address as https://HOST/PATH.");
        }

        var sha256 = reference.ExpectedSha256 ?? throw new PaneException(
            $"No SHA-256 was given for {url}, so the download could not be verified.",
            "Pass --sha256 HEX, or append #sha256=HEX to the URL.");
        return await DownloadAsync(_downloader, url, sha256, destinationDirectory, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads and describes an image.</summary>
    /// <param name="downloader">The downloader.</param>
    /// <param name="url">The URL.</param>
    /// <param name="sha256">The SHA-256 it must have.</param>
    /// <param name="destinationDirectory">Where the image goes.</param>
    /// <param name="progress">Receives progress, if not <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The verified image.</returns>
    internal static async Task<AcquiredImage> DownloadAsync(HttpDownloader downloader, Uri url, string sha256, string destinationDirectory, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(destinationDirectory);
        var file = Path.Combine(destinationDirectory, FileNameOf(url));
        var size = await downloader.DownloadAsync(url, sha256.ToLowerInvariant(), file, progress, cancellationToken).ConfigureAwait(false);
        return new AcquiredImage
        {
            Path = file,
            Sha256 = sha256.ToLowerInvariant(),
            Format = ImageFormats.Detect(file),
            SizeBytes = size,
            Origin = url.AbsoluteUri,
        };
    }

    private static string FileNameOf(Uri url)
    {
        var name = Uri.UnescapeDataString(url.Segments[^1]).Trim('/');
        var safe = new string([.. name.Select(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' ? character : '_')]).TrimStart('.');
        return safe.Length == 0 ? "image" : safe;
    }
}
