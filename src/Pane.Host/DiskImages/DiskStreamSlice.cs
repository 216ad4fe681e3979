using System.Diagnostics.CodeAnalysis;
using Microsoft.Win32.SafeHandles;

namespace Pane.Host.DiskImages;

/// <summary>A window of another disk stream, such as one partition; disposing it leaves the parent open.</summary>
internal sealed class DiskStreamSlice : ReadOnlyDiskStream
{
    private readonly ReadOnlyDiskStream _parent;
    private readonly long _start;
    private readonly long _length;

    public DiskStreamSlice(ReadOnlyDiskStream parent, long start, long length)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, parent.Length - start);
        _parent = parent;
        _start = start;
        _length = length;
    }

    public override long Length => _length;

    public override bool TryGetFileRange(long offset, long count, [NotNullWhen(true)] out SafeFileHandle? file, out long fileOffset)
    {
        if (offset >= 0 && count >= 0 && offset <= _length - count)
        {
            return _parent.TryGetFileRange(_start + offset, count, out file, out fileOffset);
        }

        file = null;
        fileOffset = 0;
        return false;
    }

    protected override void ReadCore(long offset, Span<byte> buffer)
    {
        var read = _parent.ReadAt(_start + offset, buffer);
        buffer[read..].Clear();
    }
}
