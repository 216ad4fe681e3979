using Pane.Host.Cli.Output;
using Pane.Host.DiskImages.Inspection;
using Pane.Host.Images;

namespace Pane.Host.Cli.Image.Info;

/// <summary><c>pane image info</c>: what an image holds and how it boots.</summary>
internal sealed class ImageInfoCommand
{
    private readonly ImageBrowser _browser;
    private readonly BaseImageResolver _images;
    private readonly CliConsole _console;

    public ImageInfoCommand(ImageBrowser browser, BaseImageResolver images, CliConsole console)
    {
        _browser = browser;
        _images = images;
        _console = console;
    }

    /// <summary>Describes the image.</summary>
    /// <param name="image">The image file.</param>
    /// <param name="json">Whether to write JSON.</param>
    /// <returns>The exit code.</returns>
    public int Execute(string image, bool json)
    {
        var summary = _browser.Describe(_images.ResolveExisting(image));
        if (json)
        {
            JsonOutput.Write(_console.Output, summary, ImageJsonContext.Default.ImageSummary);
        }
        else
        {
            ImageInfoView.Write(summary, _console.Output);
        }

        foreach (var warning in summary.Warnings)
        {
            _console.Error.WriteLine($"warning: {warning}");
        }

        return ExitCodes.Success;
    }
}
