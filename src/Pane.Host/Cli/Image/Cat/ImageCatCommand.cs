using Pane.Host.DiskImages.Inspection;
using Pane.Host.Images;

namespace Pane.Host.Cli.Image.Cat;

/// <summary><c>pane image cat</c>: a file of an image's filesystem to standard output.</summary>
internal sealed class ImageCatCommand
{
    private readonly ImageBrowser _browser;
    private readonly BaseImageResolver _images;
    private readonly CliConsole _console;
    private readonly IBinaryOutput _output;

    public ImageCatCommand(ImageBrowser browser, BaseImageResolver images, CliConsole console, IBinaryOutput output)
    {
        _browser = browser;
        _images = images;
        _console = console;
        _output = output;
    }

    /// <summary>Writes the file.</summary>
    /// <param name="image">The image file.</param>
    /// <param name="path">The file's path inside the filesystem.</param>
    /// <param name="partition">The partition number, or <see langword="null"/> for the root filesystem.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> ExecuteAsync(string image, string path, int? partition, CancellationToken cancellationToken)
    {
        await _console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var output = _output.Open();
        await using (output.ConfigureAwait(false))
        {
            await _browser.CopyToAsync(_images.ResolveExisting(image), path, partition, output, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
