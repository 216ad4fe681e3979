using Pane.Images;

namespace Pane.Host.Images;

/// <summary>
/// Acquires the default image: the choice of <see cref="DefaultImageResolver"/>, and when that fails only because
/// its server cannot be reached and the choice has a fallback, the fallback instead, saying so in one line. Any other
/// failure (a wrong checksum, a missing file, a full disk) is reported as it is.
/// </summary>
internal sealed class DefaultImageFallback
{
    private readonly DefaultImageResolver _defaults;

    public DefaultImageFallback(DefaultImageResolver defaults)
    {
        _defaults = defaults;
    }

    /// <summary>Acquires the default image, or its fallback.</summary>
    /// <param name="acquire">Finds or acquires the image a reference names, and returns its file.</param>
    /// <param name="notices">Receives the line that says the fallback is used, if not <see langword="null"/>.</param>
    /// <returns>The image file.</returns>
    /// <exception cref="PaneException">Neither could be acquired.</exception>
    public async Task<string> AcquireAsync(Func<string, Task<string>> acquire, IImageNotices? notices)
    {
        ArgumentNullException.ThrowIfNull(acquire);
        var choice = _defaults.Resolve();
        try
        {
            return await acquire(choice.Reference).ConfigureAwait(false);
        }
        catch (ImageServerUnreachableException error) when (choice.Fallback is { } fallback)
        {
            notices?.Notice($"{error.Message.TrimEnd('.')}; using the '{fallback}' image instead, built locally.");
            return await acquire(fallback).ConfigureAwait(false);
        }
    }
}
