using Pane.Images;

namespace Pane.Host.Images;

/// <summary>
/// Turns what a user wrote for an image (a file path, a name in the store, or a reference such as <c>arch</c> or
/// <c>https://...#sha256=...</c>) into an image file, acquiring it into the store when it is not there yet.
/// </summary>
internal sealed class BaseImageResolver
{
    private const string NotAnImageRemedy =
        "Give a file path, a name from 'pane image list', or a reference such as arch or https://URL#sha256=HEX.";

    private readonly ImageStore _store;
    private readonly DefaultImageFallback _defaults;

    public BaseImageResolver(ImageStore store, DefaultImageFallback defaults)
    {
        _store = store;
        _defaults = defaults;
    }

    /// <summary>Finds an image that exists already: a file, else a name in the store.</summary>
    /// <param name="image">The path or name.</param>
    /// <returns>The file's path; <paramref name="image"/> itself when it is neither, so that opening it reports the missing file.</returns>
    public string ResolveExisting(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return FindExisting(image) ?? image;
    }

    /// <summary>Finds or acquires the base image of a machine.</summary>
    /// <param name="image">The path, name or reference, or <see langword="null"/> for the default image (or its fallback).</param>
    /// <param name="progress">
    /// Receives the progress of an acquisition, if not <see langword="null"/>; when it is an <see cref="IImageNotices"/>
    /// too, it is told when the default image's fallback is used.
    /// </param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The absolute path of the image file.</returns>
    /// <exception cref="PaneException">It is none of these, or could not be acquired.</exception>
    public Task<string> ResolveAsync(string? image, IProgress<TransferProgress>? progress, CancellationToken cancellationToken) =>
        image is null
            ? _defaults.AcquireAsync(reference => AcquireAsync(reference, progress, cancellationToken), progress as IImageNotices)
            : AcquireAsync(image, progress, cancellationToken);

    private async Task<string> AcquireAsync(string text, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        if (FindExisting(text) is { } existing)
        {
            return Path.GetFullPath(existing);
        }

        ImageReference reference;
        try
        {
            reference = ImageReference.Parse(text);
        }
        catch (ArgumentException error)
        {
            throw new PaneException($"'{text}' is not an image file, an image in the store, or an image reference: {error.Message}", NotAnImageRemedy, error);
        }

        if (!SourceExists(reference))
        {
            throw new PaneException(
                $"'{text}' is not an image file, an image in the store, or a reference an image source understands.",
                NotAnImageRemedy);
        }

        var (pulled, _) = await _store.PullAsync(reference, null, progress, cancellationToken).ConfigureAwait(false);
        return _store.PathOf(pulled);
    }

    private string? FindExisting(string image)
    {
        if (File.Exists(image))
        {
            return image;
        }

        return _store.Find(image) is { } stored ? _store.PathOf(stored) : null;
    }

    private bool SourceExists(ImageReference reference)
    {
        try
        {
            _store.SourceFor(reference);
            return true;
        }
        catch (PaneException)
        {
            return false;
        }
    }
}
