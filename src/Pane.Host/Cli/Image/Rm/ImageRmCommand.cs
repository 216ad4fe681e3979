using Pane.Host.Images;

namespace Pane.Host.Cli.Image.Rm;

/// <summary><c>pane image rm</c>: removes an image from the store, unless a running machine uses it.</summary>
internal sealed class ImageRmCommand
{
    private readonly ImageStore _store;
    private readonly CliConsole _console;

    public ImageRmCommand(ImageStore store, CliConsole console)
    {
        _store = store;
        _console = console;
    }

    /// <summary>Removes the image.</summary>
    /// <param name="name">The image's name.</param>
    /// <returns>The exit code.</returns>
    public int Execute(string name)
    {
        _store.Remove(name);
        _console.Output.WriteLine($"Removed image '{name}'.");
        return ExitCodes.Success;
    }
}
