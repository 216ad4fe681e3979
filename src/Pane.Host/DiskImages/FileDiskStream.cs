using System.Diagnostics.CodeAnalysis;
using Microsoft.Win32.SafeHandles;

namespace Pane.Host.DiskImages;

/// <summary>A raw image file read by offset; bytes past the end of a short file read as zeros.</summary>
internal sealed class FileDiskStream : ReadOnlyDiskStream
{
    private readonly SafeFileHandle _handle;
    private readonly long _fileLength;

    private FileDiskStream(SafeFileHandle handle, long length)
    {
        _handle = handle;
        _fileLength = length;
    }

    public override long Length => _fileLength;

    public static FileDiskStream Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return new FileDiskStream(handle, RandomAccess.GetLength(handle));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override bool TryGetFileRange(long offset, long count, [NotNullWhen(true)] out SafeFileHandle? file, out long fileOffset)
    {
        var inside = offset >= 0 && count >= 0 && offset <= _fileLength - count;
        file = inside ? _handle : null;
        fileOffset = inside ? offset : 0;
        return inside;
    }

    protected override void ReadCore(long offset, Span<byte> buffer)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = RandomAccess.Read(_handle, buffer[done..], offset + done);
            if (read == 0)
            {
                buffer[done..].Clear();
                return;
            }

            done += read;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }
}
