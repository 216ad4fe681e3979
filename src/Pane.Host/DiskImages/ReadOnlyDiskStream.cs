using System.Diagnostics.CodeAnalysis;
using Microsoft.Win32.SafeHandles;

namespace Pane.Host.DiskImages;

/// <summary>
/// A read-only, seekable stream over a disk or a part of one, read by absolute offset so that slices and layers
/// never disturb each other's position.
/// </summary>
internal abstract class ReadOnlyDiskStream : Stream
{
    private long _position;

    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => true;

    public sealed override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    /// <summary>Reads bytes at an offset; stops at the end of the stream.</summary>
    /// <param name="offset">The offset from the start of the stream.</param>
    /// <param name="buffer">Where the bytes go.</param>
    /// <returns>The number of bytes read: less than the buffer only at the end of the stream.</returns>
    public int ReadAt(long offset, Span<byte> buffer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var count = (int)Math.Min(buffer.Length, Length - offset);
        ReadCore(offset, buffer[..count]);
        return count;
    }

    public sealed override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public sealed override int Read(Span<byte> buffer)
    {
        var read = ReadAt(_position, buffer);
        _position += read;
        return read;
    }

    public sealed override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        Position = target;
        return target;
    }

    public sealed override void Flush()
    {
    }

    public sealed override void SetLength(long value) => throw new NotSupportedException("Disk images are read-only.");

    public sealed override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Disk images are read-only.");

    /// <summary>
    /// Finds the file and offset that hold a range of this stream byte for byte, so that the range can be copied
    /// from the file directly; a stream whose bytes are decoded (qcow2) or partly past its file's end has none.
    /// </summary>
    /// <param name="offset">The range's offset from the start of the stream.</param>
    /// <param name="count">The range's length in bytes.</param>
    /// <param name="file">The file holding the range.</param>
    /// <param name="fileOffset">Where the range starts in <paramref name="file"/>.</param>
    /// <returns>Whether one file holds the whole range as it is.</returns>
    public virtual bool TryGetFileRange(long offset, long count, [NotNullWhen(true)] out SafeFileHandle? file, out long fileOffset)
    {
        file = null;
        fileOffset = 0;
        return false;
    }

    /// <summary>Fills the whole buffer with the bytes at an offset; the range lies inside the stream.</summary>
    /// <param name="offset">The offset from the start of the stream.</param>
    /// <param name="buffer">Where the bytes go.</param>
    protected abstract void ReadCore(long offset, Span<byte> buffer);
}
