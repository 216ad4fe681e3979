using System.Security.Cryptography;
using Pane.ImageSources.Downloads;
using Pane.Images;

namespace Pane.ImageSources;

/// <summary>
/// <c>file:PATH</c>: imports a local raw or qcow2 image, as a hard link where the filesystem allows (the store never
/// writes a base image) or else as a copy; its SHA-256 is computed either way, in the same pass as the copy.
/// </summary>
internal sealed class FileImageSource : IImageSource
{
    /// <inheritdoc/>
    public string Id => "file";

    /// <inheritdoc/>
    public string Description => "A raw or qcow2 image file on this computer: file:PATH.";

    /// <inheritdoc/>
    public bool CanAcquire(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Scheme == "file" && reference.Location.Length > 0;
    }

    /// <inheritdoc/>
    public async Task<AcquiredImage> AcquireAsync(ImageReference reference, string destinationDirectory, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var source = Path.GetFullPath(reference.Location.StartsWith("//", StringComparison.Ordinal) ? reference.Location[2..] : reference.Location);
        if (!File.Exists(source))
        {
            throw new PaneException($"The image file {source} does not exist.", "Check the path given after 'file:'.");
        }

        Directory.CreateDirectory(destinationDirectory);
        var target = Path.Combine(destinationDirectory, Path.GetFileName(source));
        File.Delete(target);
        var length = new FileInfo(source).Length;
        var linked = HardLink.TryCreate(source, target);
        var sha256 = linked
            ? await HashAsync(target, null, length, progress, cancellationToken).ConfigureAwait(false)
            : await CopyAsync(source, target, length, progress, cancellationToken).ConfigureAwait(false);
        if (reference.ExpectedSha256 is { } expected && !string.Equals(expected, sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(target);
            throw new PaneException(
                $"The image file {source} does not have the expected SHA-256: expected {expected}, got {sha256}.",
                "Check that this is the file meant, or leave out the SHA-256.");
        }

        return new AcquiredImage
        {
            Path = target,
            Sha256 = sha256,
            Format = ImageFormats.Detect(target),
            SizeBytes = length,
            Origin = source,
        };
    }

    private static async Task<string> CopyAsync(string source, string target, long length, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var partial = target + ".partial";
        try
        {
            string sha256;
            using (var handle = File.OpenHandle(partial, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.None, length))
            {
                sha256 = await HashAsync(source, handle, length, progress, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target);
            return sha256;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task<string> HashAsync(string path, Microsoft.Win32.SafeHandles.SafeFileHandle? copyTo, long length, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var stage = copyTo is null ? "verify" : "copy";
            await new HashingCopier(4 << 20, null)
                .CopyAsync(stream, copyTo, 0, hash, done => progress?.Report(new TransferProgress(stage, done, length)), cancellationToken)
                .ConfigureAwait(false);
        }

        return Sha256Hex.Finish(hash);
    }
}
