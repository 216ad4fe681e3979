using System.Text.Json;
using Pane.Machines;
using Pane.Platform;

namespace Pane.Runtime.QemuWhpx.Disks;

/// <summary>
/// Compacts a qcow2 image with <c>qemu-img</c>: <c>convert</c> into <c>IMAGE.compact.tmp</c> in the same folder (an
/// overlay stays an overlay over the same backing file), <c>compare</c> the copy with the original, flush it, then
/// rename it over the original. Until that rename the original is never written, so a compaction killed at any
/// point leaves it whole; the next one deletes the leftover copy first. The copy and the comparison run bound to
/// pane's life (<see cref="ParentBoundProcess"/>), and the next compaction stops a <c>qemu-img</c> still working on a
/// leftover copy before deleting it (<see cref="LeftoverCopyWriters"/>).
/// </summary>
internal sealed class QemuImageCompactor
{
    /// <summary>The suffix of the copy being written.</summary>
    public const string TemporarySuffix = ".compact.tmp";

    private static readonly TimeSpan s_infoTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_copyTimeout = TimeSpan.FromHours(6);

    private readonly IProcessRunner _processes;
    private readonly string _qemuImg;

    /// <summary>Initializes a new instance of the <see cref="QemuImageCompactor"/> class.</summary>
    /// <param name="processes">Runs qemu-img.</param>
    /// <param name="qemuImg">The qemu-img to run.</param>
    public QemuImageCompactor(IProcessRunner processes, string qemuImg)
    {
        _processes = processes;
        _qemuImg = qemuImg;
    }

    /// <summary>Compacts the image.</summary>
    /// <param name="imagePath">The image.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The bytes it occupied on disk before and after.</returns>
    /// <exception cref="PaneException">qemu-img failed (a <see cref="ProcessFailedException"/> quoting it), or the copy differs from the original; the original is unchanged.</exception>
    public async Task<DiskCompaction> CompactAsync(string imagePath, CancellationToken cancellationToken)
    {
        var image = Path.GetFullPath(imagePath);
        var temporary = image + TemporarySuffix;
        if (File.Exists(temporary))
        {
            LeftoverCopyWriters.Stop(_qemuImg, temporary);
            File.Delete(temporary);
        }

        var before = await InfoAsync(image, cancellationToken).ConfigureAwait(false);
        if (before.Format != "qcow2")
        {
            throw new PaneException($"'{image}' is a {before.Format} image; Pane compacts qcow2 images only.", "Compact the machine's own disks with 'pane workspace compact'.");
        }

        try
        {
            string[] backing = before.Backing is { } backingFile
                ? ["-B", backingFile, .. before.BackingFormat is { } backingFormat ? new[] { "-F", backingFormat } : []]
                : [];
            var convert = new ProcessCommand(_qemuImg, ["convert", "-q", "-f", "qcow2", "-O", "qcow2", .. backing, image, temporary]) { Timeout = s_copyTimeout };
            (await ParentBoundProcess.RunAsync(_processes, convert, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            var compare = await ParentBoundProcess.RunAsync(_processes, new ProcessCommand(_qemuImg, ["compare", "-q", "-f", "qcow2", "-F", "qcow2", image, temporary]) { Timeout = s_copyTimeout }, cancellationToken).ConfigureAwait(false);
            if (compare.ExitCode != 0)
            {
                throw new PaneException(
                    $"The compacted copy of '{image}' does not hold what the original holds (qemu-img compare exited with {compare.ExitCode}); the original is unchanged.",
                    "Run 'qemu-img check' on the image, then try again.");
            }

            CopyPermissions(image, temporary);
            using (var copy = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                copy.Flush(flushToDisk: true);
            }

            File.Move(temporary, image, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        var after = await InfoAsync(image, cancellationToken).ConfigureAwait(false);
        return new DiskCompaction(image, before.AllocatedBytes, after.AllocatedBytes);
    }

    private static void CopyPermissions(string from, string to)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }
    }

    private async Task<ImageInfo> InfoAsync(string image, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["info", "--output=json", image], s_infoTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(result.StandardOutputText);
            var root = json.RootElement;
            return new ImageInfo(
                root.GetProperty("format").GetString() ?? "unknown",
                root.TryGetProperty("actual-size", out var allocated) ? allocated.GetInt64() : new FileInfo(image).Length,
                root.TryGetProperty("backing-filename", out var backing) ? backing.GetString() : null,
                root.TryGetProperty("backing-filename-format", out var backingFormat) ? backingFormat.GetString() : null);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PaneException($"qemu-img info gave an answer Pane cannot read for '{image}'.", "Check the QEMU installation, or set PANE_QEMU to another one.", error);
        }
    }

    private async Task<ProcessResult> RunAsync(string[] arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await _processes.RunAsync(new ProcessCommand(_qemuImg, arguments) { Timeout = timeout }, cancellationToken).ConfigureAwait(false)).EnsureSuccess();

    private sealed record ImageInfo(string Format, long AllocatedBytes, string? Backing, string? BackingFormat);
}
