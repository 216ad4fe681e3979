using Microsoft.Win32.SafeHandles;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>Random access to the bytes of an ext2/3/4 volume, shared by every open file of one filesystem.</summary>
internal sealed class Ext4Volume : IDisposable
{
    private readonly Stream _stream;
    private readonly Lock _gate = new();

    public Ext4Volume(Stream stream)
    {
        _stream = stream;
        Length = stream.Length;
    }

    /// <summary>Gets the volume's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Gets or sets the block size, once the superblock is read.</summary>
    public int BlockSize { get; set; } = 1024;

    /// <summary>Gets or sets the number of blocks the superblock declares.</summary>
    public ulong BlockCount { get; set; } = ulong.MaxValue;

    /// <summary>Reads bytes at an offset, all of them or an exception naming <paramref name="what"/>.</summary>
    public void ReadAt(long offset, Span<byte> buffer, string what)
    {
        if (offset < 0 || offset > Length - buffer.Length)
        {
            throw Ext4Errors.Damaged(
                $"The {what} lies beyond the end of the volume ({Length} bytes).");
        }

        lock (_gate)
        {
            _stream.Position = offset;
            var done = 0;
            while (done < buffer.Length)
            {
                var read = _stream.Read(buffer[done..]);
                if (read == 0)
                {
                    throw Ext4Errors.Damaged($"The {what} lies beyond the end of the volume ({Length} bytes).");
                }

                done += read;
            }
        }
    }

    /// <summary>
    /// Copies bytes at an offset into a file, all of them or an exception naming <paramref name="what"/>: straight
    /// from the image file where it holds them as they are, else read through the volume's stream.
    /// </summary>
    public void CopyTo(long offset, long count, SafeFileHandle target, long targetOffset, byte[] buffer, string what, CancellationToken cancellationToken)
    {
        if (offset < 0 || count < 0 || offset > Length - count)
        {
            throw Ext4Errors.Damaged($"The {what} lies beyond the end of the volume ({Length} bytes).");
        }

        if (_stream is ReadOnlyDiskStream disk && disk.TryGetFileRange(offset, count, out var file, out var fileOffset))
        {
            FileRangeCopier.Copy(file, fileOffset, target, targetOffset, count, buffer, cancellationToken);
            return;
        }

        while (count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, count));
            ReadAt(offset, chunk, what);
            RandomAccess.Write(target, chunk, targetOffset);
            offset += chunk.Length;
            targetOffset += chunk.Length;
            count -= chunk.Length;
        }
    }

    /// <summary>Checks that a run of blocks lies inside the filesystem.</summary>
    public void CheckBlocks(ulong block, ulong count, string what)
    {
        if (block >= BlockCount || count > BlockCount - block)
        {
            throw Ext4Errors.Damaged(
                $"The {what} points at block {block} (+{count}), outside the filesystem's {BlockCount} blocks.");
        }
    }

    /// <summary>Reads one or more whole blocks, checked against the filesystem's geometry.</summary>
    public void ReadBlocks(ulong block, Span<byte> buffer, string what)
    {
        var count = (ulong)((buffer.Length + BlockSize - 1) / BlockSize);
        CheckBlocks(block, count, what);
        ReadAt((long)block * BlockSize, buffer, $"{what} (block {block})");
    }

    public void Dispose() => _stream.Dispose();
}
