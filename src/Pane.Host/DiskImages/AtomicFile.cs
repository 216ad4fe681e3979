using Microsoft.Win32.SafeHandles;

namespace Pane.Host.DiskImages;

/// <summary>
/// Writes a file through a temporary file in the same folder, then renames it over the target, so that the target
/// is always either the old file or the whole new one. Records are flushed to disk before the rename; copies of bytes
/// that still exist elsewhere (a file taken out of an image) are left to the system's write-back.
/// </summary>
internal static class AtomicFile
{
    public static Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(path, write, flushToDisk: true, cancellationToken);

    private static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, bool flushToDisk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flushToDisk)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Writes a file of bytes that exist elsewhere through a handle, for writers that place bytes by offset and
    /// leave holes; like <see cref="CopyAsync"/>, the bytes are left to the system's write-back.
    /// </summary>
    public static void Write(string path, Action<SafeFileHandle> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(file);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static Task CopyAsync(Stream source, string path, CancellationToken cancellationToken) =>
        WriteAsync(path, (target, token) => source.CopyToAsync(target, 1024 * 1024, token), flushToDisk: false, cancellationToken);
}
