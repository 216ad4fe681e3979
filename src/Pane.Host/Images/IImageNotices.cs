namespace Pane.Host.Images;

/// <summary>
/// Receives a notice about how an image is acquired that the user should read, such as the default image being
/// replaced by its fallback. A progress receiver implements it to show the notice beside the progress.
/// </summary>
internal interface IImageNotices
{
    /// <summary>Shows one line.</summary>
    /// <param name="line">The line, without its line end.</param>
    void Notice(string line);
}
