using Pane.Host.DiskImages.Inspection;
using Pane.Host.Images;

namespace Pane.Host.Cli.Image.Extract;

/// <summary><c>pane image extract</c>: a file of an image's filesystem to a host file.</summary>
internal sealed class ImageExtractCommand
{
    private readonly ImageBrowser _browser;
    private readonly BaseImageResolver _images;
    private readonly CliConsole _console;

    public ImageExtractCommand(ImageBrowser browser, BaseImageResolver images, CliConsole console)
    {
        _browser = browser;
        _images = images;
        _console = console;
    }

    /// <summary>Copies the file out.</summary>
    /// <param name="image">The image file.</param>
    /// <param name="path">The file's path inside the filesystem.</param>
    /// <param name="outFile">The host file to write.</param>
    /// <param name="partition">The partition number, or <see langword="null"/> for the root filesystem.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> ExecuteAsync(string image, string path, string outFile, int? partition, CancellationToken cancellationToken)
    {
        var bytes = await _browser.ExtractAsync(_images.ResolveExisting(image), path, partition, outFile, cancellationToken).ConfigureAwait(false);
        await _console.Output.WriteLineAsync($"Wrote {bytes} bytes of {path} to {outFile}.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
