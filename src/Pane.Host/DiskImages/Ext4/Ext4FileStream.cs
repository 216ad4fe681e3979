using Microsoft.Win32.SafeHandles;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>
/// A read-only, seekable stream of a file's bytes. Each read is split at run boundaries only: a run of consecutive
/// blocks is read straight from the volume into the caller's buffer, and holes and unwritten extents are zero-filled.
/// </summary>
internal sealed class Ext4FileStream : Stream
{
    private const int CopyBufferSize = 1 << 20;

    private readonly Ext4Volume _volume;
    private readonly IExt4BlockMap _map;
    private readonly uint _inode;
    private readonly long _length;
    private readonly int _blockSize;
    private long _position;
    private bool _disposed;

    public Ext4FileStream(Ext4Volume volume, IExt4BlockMap map, uint inode, long length)
    {
        _volume = volume;
        _map = map;
        _inode = inode;
        _length = length;
        _blockSize = volume.BlockSize;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _length;
        }
    }

    public override long Position
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _position;
        }

        set
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_position >= _length || buffer.IsEmpty)
        {
            return 0;
        }

        var total = (int)Math.Min(buffer.Length, _length - _position);
        var done = 0;
        while (done < total)
        {
            var position = _position + done;
            var logical = (ulong)(position / _blockSize);
            var inBlock = (int)(position % _blockSize);
            var run = _map.Map(logical);
            var runBytes = (run.Length * (ulong)_blockSize) - (ulong)inBlock;
            var chunk = (int)Math.Min((ulong)(total - done), runBytes);
            var target = buffer.Slice(done, chunk);
            if (run.IsZeros)
            {
                target.Clear();
            }
            else
            {
                _volume.ReadAt((long)(run.Physical * (ulong)_blockSize) + inBlock, target, $"data of inode {_inode}");
            }

            done += chunk;
        }

        _position += done;
        return done;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer.AsSpan(offset, count)));
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override void CopyTo(Stream destination, int bufferSize) =>
        base.CopyTo(destination, Math.Max(bufferSize, CopyBufferSize));

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        base.CopyToAsync(destination, Math.Max(bufferSize, CopyBufferSize), cancellationToken);

    /// <summary>
    /// Writes the whole file into a new, empty host file at the same offsets, run by run: each run of blocks is
    /// copied straight from the image file where it can be (see <see cref="Ext4Volume.CopyTo"/>), and holes and
    /// unwritten extents are left as holes of the target, which read as zeros. The stream's position is not used.
    /// </summary>
    /// <param name="target">The file to write, empty; it ends up exactly <see cref="Length"/> bytes long.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    public void CopyTo(SafeFileHandle target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var buffer = new byte[(int)Math.Min(CopyBufferSize, Math.Max(_length, 1))];
        var position = 0L;
        while (position < _length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = _map.Map((ulong)(position / _blockSize));
            var left = _length - position;
            var runBytes = run.Length > (ulong)(left / _blockSize) ? left : (long)run.Length * _blockSize;
            if (runBytes <= 0)
            {
                throw Ext4Errors.Damaged($"The block map of inode {_inode} has an empty run at byte {position}.");
            }

            if (!run.IsZeros)
            {
                _volume.CopyTo((long)(run.Physical * (ulong)_blockSize), runBytes, target, position, buffer, $"data of inode {_inode}", cancellationToken);
            }

            position += runBytes;
        }

        RandomAccess.SetLength(target, _length);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0)
        {
            throw new IOException("Cannot seek before the start of the file.");
        }

        _position = target;
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("The file is read-only.");

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The file is read-only.");

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
}
