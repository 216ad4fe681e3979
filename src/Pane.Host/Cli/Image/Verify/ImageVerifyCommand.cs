using System.Text.Json;
using Pane.Host.Cli.Image.Progress;
using Pane.Host.Images;

namespace Pane.Host.Cli.Image.Verify;

/// <summary><c>pane image verify</c>: hashes images in the store again and compares with their metadata.</summary>
internal sealed class ImageVerifyCommand
{
    private readonly ImageStore _store;
    private readonly CliConsole _console;

    public ImageVerifyCommand(ImageStore store, CliConsole console)
    {
        _store = store;
        _console = console;
    }

    /// <summary>Verifies the images.</summary>
    /// <param name="names">The images' names; empty for all.</param>
    /// <param name="json">Whether to write NDJSON events.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code: failure when an image is missing or does not match.</returns>
    public async Task<int> ExecuteAsync(IReadOnlyList<string> names, bool json, CancellationToken cancellationToken)
    {
        var images = names.Count == 0
            ? _store.List()
            : [.. names.Select(name => _store.Find(name) ?? throw new PaneException($"The store has no image named '{name}'.", "Run 'pane image list' to see the images it has."))];
        var failed = 0;
        foreach (var image in images)
        {
            var progress = new TransferProgressView(_console, json);
            string? actual;
            try
            {
                actual = await _store.HashAsync(image, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress.Complete();
            }

            var status = actual is null ? "missing" : actual == image.Sha256 ? "ok" : "mismatch";
            failed += status == "ok" ? 0 : 1;
            if (json)
            {
                var result = new TransferEvent("image", Image: image, Status: status, ActualSha256: status == "mismatch" ? actual : null);
                await _console.Output.WriteLineAsync(JsonSerializer.Serialize(result, ImageCliJsonContext.Default.TransferEvent)).ConfigureAwait(false);
                continue;
            }

            await _console.Output.WriteLineAsync(status switch
            {
                "ok" => $"{image.Name}: ok (sha256 {image.Sha256})",
                "missing" => $"{image.Name}: MISSING: {_store.PathOf(image)} is gone",
                _ => $"{image.Name}: MISMATCH: expected sha256 {image.Sha256}, got {actual}",
            }).ConfigureAwait(false);
        }

        if (failed > 0 && !json)
        {
            await _console.Error.WriteLineAsync($"error: {failed} of {images.Count} images did not verify.").ConfigureAwait(false);
            await _console.Error.WriteLineAsync("remedy: Remove each with 'pane image rm NAME' and pull or import it again.").ConfigureAwait(false);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
