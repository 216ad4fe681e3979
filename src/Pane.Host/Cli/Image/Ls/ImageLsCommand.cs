using Pane.Host.Cli.Output;
using Pane.Host.DiskImages.Inspection;
using Pane.Host.Images;

namespace Pane.Host.Cli.Image.Ls;

/// <summary><c>pane image ls</c>: a folder of an image's filesystem.</summary>
internal sealed class ImageLsCommand
{
    private readonly ImageBrowser _browser;
    private readonly BaseImageResolver _images;
    private readonly CliConsole _console;

    public ImageLsCommand(ImageBrowser browser, BaseImageResolver images, CliConsole console)
    {
        _browser = browser;
        _images = images;
        _console = console;
    }

    /// <summary>Lists the folder, or the one entry when the path is not a folder.</summary>
    /// <param name="image">The image file.</param>
    /// <param name="path">The path inside the filesystem.</param>
    /// <param name="partition">The partition number, or <see langword="null"/> for the root filesystem.</param>
    /// <param name="json">Whether to write JSON.</param>
    /// <returns>The exit code.</returns>
    public int Execute(string image, string path, int? partition, bool json)
    {
        var entries = _browser.List(_images.ResolveExisting(image), path, partition).Select(ImageLsEntry.From).ToList();
        if (json)
        {
            JsonOutput.Write<IReadOnlyList<ImageLsEntry>>(_console.Output, entries, ImageJsonContext.Default.IReadOnlyListImageLsEntry);
        }
        else
        {
            ImageLsView.Write(entries, _console.Output);
        }

        return ExitCodes.Success;
    }
}
