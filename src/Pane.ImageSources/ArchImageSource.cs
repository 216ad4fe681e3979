using Pane.ImageSources.Downloads;
using Pane.Images;

namespace Pane.ImageSources;

/// <summary>
/// <c>arch</c>: the Arch Linux base image (the project's basic qcow2 cloud image), from a configured URL and
/// SHA-256 that <c>PANE_BASE_IMAGE_URL</c> and <c>PANE_BASE_IMAGE_SHA256</c> override. Without a configured
/// SHA-256, the checksum file published beside the image (<c>URL.SHA256</c>, as Arch does) pins it before the download.
/// </summary>
internal sealed class ArchImageSource : IImageSource
{
    /// <summary>The variable that overrides the image's URL.</summary>
    public const string UrlVariable = "PANE_BASE_IMAGE_URL";

    /// <summary>The variable that overrides the image's SHA-256.</summary>
    public const string Sha256Variable = "PANE_BASE_IMAGE_SHA256";

    /// <summary>The built-in URL: the latest basic image of the Arch Linux virtual-machine images.</summary>
    public const string DefaultUrl = "https://geo.mirror.pkgbuild.com/images/latest/Arch-Linux-x86_64-basic.qcow2";

    private readonly HttpDownloader _downloader;
    private readonly Func<string, string?> _environment;

    public ArchImageSource(HttpDownloader downloader)
        : this(downloader, Environment.GetEnvironmentVariable)
    {
    }

    public ArchImageSource(HttpDownloader downloader, Func<string, string?> environment)
    {
        _downloader = downloader;
        _environment = environment;
    }

    /// <inheritdoc/>
    public string Id => "arch";

    /// <inheritdoc/>
    public string Description => $"The Arch Linux base image, downloaded from {DefaultUrl} ({UrlVariable} and {Sha256Variable} override it).";

    /// <inheritdoc/>
    public bool CanAcquire(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Scheme == "arch" && reference.Location.Length == 0;
    }

    /// <inheritdoc/>
    public async Task<AcquiredImage> AcquireAsync(ImageReference reference, string destinationDirectory, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = NonEmpty(_environment(UrlVariable)) ?? DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new PaneException($"{UrlVariable} is '{text}', which is not an https:// or http:// URL.", $"Set {UrlVariable} to the image's URL, or unset it for the built-in one.");
        }

        try
        {
            var sha256 = NonEmpty(_environment(Sha256Variable)) ?? reference.ExpectedSha256;
            sha256 ??= await PublishedSha256Async(url, cancellationToken).ConfigureAwait(false);
            if (!Sha256Hex.IsValid(sha256))
            {
                throw new PaneException($"{Sha256Variable} is '{sha256}', which is not 64 hexadecimal digits.", $"Set {Sha256Variable} to the image's SHA-256.");
            }

            var image = await HttpImageSource.DownloadAsync(_downloader, url, sha256, destinationDirectory, progress, cancellationToken).ConfigureAwait(false);
            return image with { Family = Desktops.DistributionFamily.Arch };
        }
        catch (PaneException error) when (error is ServerUnreachableException || error.InnerException is ServerUnreachableException)
        {
            throw new ImageServerUnreachableException(
                $"The Arch base image cannot be downloaded: {url.Host} cannot be reached from this machine.",
                $"Connect to the internet, or set {UrlVariable} and {Sha256Variable} to a copy you can reach, or import an image with 'pane image import FILE'.",
                error);
        }
    }

    private async Task<string> PublishedSha256Async(Uri url, CancellationToken cancellationToken)
    {
        var checksums = new Uri(url.AbsoluteUri + ".SHA256");
        var text = await _downloader.ReadTextAsync(checksums, cancellationToken).ConfigureAwait(false);
        var fileName = url.Segments[^1];
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length == 2 && Sha256Hex.IsValid(fields[0]) && fields[1].TrimStart('*') == fileName)
            {
                return fields[0].ToLowerInvariant();
            }
        }

        throw new PaneException($"The checksum file {checksums} names no SHA-256 for {fileName}.", $"Set {Sha256Variable} to the image's SHA-256.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
