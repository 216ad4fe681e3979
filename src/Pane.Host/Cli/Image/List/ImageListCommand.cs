using System.Globalization;
using System.Text.Json;
using Pane.Host.Cli.Image.Progress;
using Pane.Host.Cli.Output;
using Pane.Host.Images;

namespace Pane.Host.Cli.Image.List;

/// <summary><c>pane image list</c>: the images in the store.</summary>
internal sealed class ImageListCommand
{
    private readonly ImageStore _store;
    private readonly CliConsole _console;

    public ImageListCommand(ImageStore store, CliConsole console)
    {
        _store = store;
        _console = console;
    }

    /// <summary>Lists the images.</summary>
    /// <param name="json">Whether to write JSON.</param>
    /// <returns>The exit code.</returns>
    public int Execute(bool json)
    {
        var images = _store.List();
        if (json)
        {
            _console.Output.WriteLine(JsonSerializer.Serialize(images, ImageCliJsonContext.Default.IReadOnlyListStoredImage));
            return ExitCodes.Success;
        }

        if (images.Count == 0)
        {
            _console.Output.WriteLine("The image store is empty; 'pane image pull REF' or 'pane image import FILE' adds an image.");
            return ExitCodes.Success;
        }

        var table = new TextTable("NAME", "FORMAT", "SIZE", "FAMILY", "SOURCE", "ADDED", "SHA256");
        foreach (var image in images)
        {
            table.AddRow(
                image.Name,
                image.Format,
                ByteCount.Format(image.SizeBytes),
                image.Family ?? "-",
                image.Source,
                image.AddedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                image.Sha256[..12]);
        }

        table.Write(_console.Output);
        return ExitCodes.Success;
    }
}
