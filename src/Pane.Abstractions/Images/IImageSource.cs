namespace Pane.Images;

/// <summary>
/// Turns an image reference (<c>arch</c>, <c>file:PATH</c>, <c>https://...#sha256=...</c>, or a plugin's own
/// scheme) into a verified local image.
/// </summary>
public interface IImageSource
{
    /// <summary>Gets the stable identifier of the source, such as <c>arch</c> or <c>https</c>.</summary>
    string Id { get; }

    /// <summary>Gets one sentence on where this source's images come from.</summary>
    string Description { get; }

    /// <summary>Tells whether this source understands a reference.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns><see langword="true"/> when <see cref="AcquireAsync"/> can acquire it.</returns>
    bool CanAcquire(ImageReference reference);

    /// <summary>Acquires the image into <paramref name="destinationDirectory"/> and verifies it.</summary>
    /// <param name="reference">The reference.</param>
    /// <param name="destinationDirectory">A folder on the store's volume for the finished image and its temporary files.</param>
    /// <param name="progress">Receives progress, if not <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The verified image.</returns>
    /// <exception cref="PaneException">The image could not be acquired or did not verify.</exception>
    Task<AcquiredImage> AcquireAsync(
        ImageReference reference,
        string destinationDirectory,
        IProgress<TransferProgress>? progress,
        CancellationToken cancellationToken);
}
