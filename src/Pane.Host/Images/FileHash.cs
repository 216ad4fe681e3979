using System.Security.Cryptography;
using Pane.Images;

namespace Pane.Host.Images;

/// <summary>Hashes a whole file with SHA-256, reporting progress.</summary>
internal static class FileHash
{
    /// <summary>Hashes a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="progress">Receives progress (stage <c>verify</c>), if not <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The lower-case hexadecimal SHA-256.</returns>
    public static async Task<string> ComputeAsync(string path, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        var buffer = new byte[4 << 20];
        long done = 0;
        int read;
        while ((read = await RandomAccess.ReadAsync(handle, buffer, done, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            done += read;
            progress?.Report(new TransferProgress("verify", done, length));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
