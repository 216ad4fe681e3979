using Pane.Host.Cli.Output;
using System.Text.Json;
using Pane.Host.Cli.Image.Progress;
using Pane.Host.Images;
using Pane.Images;

namespace Pane.Host.Cli.Image.Pull;

/// <summary><c>pane image pull</c> and <c>pane image import</c>: acquire an image into the store.</summary>
internal sealed class ImagePullCommand
{
    private readonly ImageStore _store;
    private readonly CliConsole _console;

    public ImagePullCommand(ImageStore store, CliConsole console)
    {
        _store = store;
        _console = console;
    }

    /// <summary>Acquires the image.</summary>
    /// <param name="reference">What to acquire.</param>
    /// <param name="name">The name to give it, or <see langword="null"/> for one derived from the reference.</param>
    /// <param name="json">Whether to write NDJSON events.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> ExecuteAsync(ImageReference reference, string? name, bool json, CancellationToken cancellationToken)
    {
        var progress = new TransferProgressView(_console, json);
        StoredImage image;
        bool added;
        try
        {
            (image, added) = await _store.PullAsync(reference, name, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            progress.Complete();
        }

        if (json)
        {
            var done = new TransferEvent("image", Image: image, Status: added ? "added" : "present");
            await _console.Output.WriteLineAsync(JsonSerializer.Serialize(done, ImageCliJsonContext.Default.TransferEvent)).ConfigureAwait(false);
        }
        else
        {
            var what = added ? "Added" : "The store has";
            await _console.Output.WriteLineAsync($"{what} image '{image.Name}' ({image.Format}, {ByteCount.Format(image.SizeBytes)}, family {image.Family ?? "unknown"}, sha256 {image.Sha256}).").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>Parses a reference and folds in a separately given SHA-256.</summary>
    /// <param name="text">The reference.</param>
    /// <param name="sha256">The value of <c>--sha256</c>, or <see langword="null"/>.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="PaneException">The reference or the SHA-256 is malformed, or the two SHA-256 values differ.</exception>
    public static ImageReference Reference(string text, string? sha256)
    {
        ImageReference reference;
        try
        {
            reference = ImageReference.Parse(text);
        }
        catch (ArgumentException error)
        {
            throw new PaneException($"'{text}' is not an image reference: {error.Message}", "Write the SHA-256 as 64 hexadecimal digits.", error);
        }

        if (sha256 is null)
        {
            return reference;
        }

        var given = sha256.Trim().ToLowerInvariant();
        if (given.Length != 64 || !given.All(Uri.IsHexDigit))
        {
            throw new PaneException($"--sha256 '{sha256}' is not 64 hexadecimal digits.", "Copy the SHA-256 from where the image is published.");
        }

        return reference.ExpectedSha256 is { } fragment && fragment != given
            ? throw new PaneException($"The SHA-256 after #sha256= and the one given with --sha256 differ.", "Give the image's SHA-256 once.")
            : reference with { ExpectedSha256 = given };
    }
}
