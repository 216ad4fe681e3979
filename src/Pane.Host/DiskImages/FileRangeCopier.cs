using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pane.Host.DiskImages;

/// <summary>
/// Copies a range of bytes from one file to another at given offsets: inside the kernel with copy_file_range(2) on
/// Linux, so the bytes go from page cache to page cache once instead of out to a buffer and back (and a filesystem
/// that shares blocks may not copy them at all); through a buffer where the kernel cannot (another system, or two
/// filesystems it will not copy between).
/// </summary>
internal static class FileRangeCopier
{
    private const int MaximumKernelChunk = 64 << 20;

    /// <summary>Copies <paramref name="count"/> bytes, all of them or an exception.</summary>
    /// <param name="source">The file to read, which holds the whole range.</param>
    /// <param name="sourceOffset">Where the range starts in <paramref name="source"/>.</param>
    /// <param name="target">The file to write.</param>
    /// <param name="targetOffset">Where the range goes in <paramref name="target"/>.</param>
    /// <param name="count">The number of bytes.</param>
    /// <param name="buffer">The buffer for a copy the kernel does not make.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <exception cref="IOException">The source ends before the range does, or a read or write fails.</exception>
    public static void Copy(
        SafeFileHandle source,
        long sourceOffset,
        SafeFileHandle target,
        long targetOffset,
        long count,
        byte[] buffer,
        CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsLinux())
        {
            var copied = CopyInKernel(source, sourceOffset, target, targetOffset, count, cancellationToken);
            sourceOffset += copied;
            targetOffset += copied;
            count -= copied;
        }

        while (count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, count));
            var read = RandomAccess.Read(source, chunk, sourceOffset);
            if (read == 0)
            {
                throw new IOException($"The source file ends at byte {sourceOffset}, before the {count} bytes left to copy.");
            }

            RandomAccess.Write(target, chunk[..read], targetOffset);
            sourceOffset += read;
            targetOffset += read;
            count -= read;
        }
    }

    /// <summary>Copies what copy_file_range(2) will copy, and says how much that was.</summary>
    private static long CopyInKernel(
        SafeFileHandle source,
        long sourceOffset,
        SafeFileHandle target,
        long targetOffset,
        long count,
        CancellationToken cancellationToken)
    {
        var done = 0L;
        while (done < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inOffset = sourceOffset + done;
            var outOffset = targetOffset + done;
            var copied = CopyFileRange(source, ref inOffset, target, ref outOffset, (nuint)Math.Min(count - done, MaximumKernelChunk), 0);
            if (copied <= 0)
            {
                // Unsupported here (ENOSYS, EXDEV, EINVAL, EOPNOTSUPP...), or an early end: the buffered copy
                // carries on from here and reports a real failure itself.
                break;
            }

            done += copied;
        }

        return done;
    }

    [DllImport("libc", EntryPoint = "copy_file_range", SetLastError = true)]
    private static extern nint CopyFileRange(SafeFileHandle input, ref long inputOffset, SafeFileHandle output, ref long outputOffset, nuint length, uint flags);
}
