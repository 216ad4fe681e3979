namespace Pane.Runtime.Native.Storage;

/// <summary>
/// A writable disk over a read-only one: writes land in clusters held in memory, reads take each cluster from the
/// overlay when it was written and from the base otherwise. The base is never written, and the overlay is dropped
/// with the device, so the guest's changes last as long as the machine.
/// </summary>
internal sealed class CopyOnWriteBlockDevice : IBlockDevice
{
    /// <summary>The overlay's unit of copying.</summary>
    public const int ClusterSize = 64 * 1024;

    private readonly object _lock = new();
    private readonly IBlockDevice _base;
    private readonly Dictionary<long, byte[]> _clusters = [];

    /// <summary>Initializes a new instance of the <see cref="CopyOnWriteBlockDevice"/> class.</summary>
    /// <param name="baseDevice">The disk read through to; the overlay owns it.</param>
    public CopyOnWriteBlockDevice(IBlockDevice baseDevice)
    {
        ArgumentNullException.ThrowIfNull(baseDevice);
        _base = baseDevice;
    }

    /// <inheritdoc/>
    public long Length => _base.Length;

    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <summary>Gets the number of bytes the overlay holds.</summary>
    public long OverlayBytes
    {
        get
        {
            lock (_lock)
            {
                return (long)_clusters.Count * ClusterSize;
            }
        }
    }

    /// <inheritdoc/>
    public void Read(long offset, Span<byte> destination)
    {
        lock (_lock)
        {
            while (!destination.IsEmpty)
            {
                var (cluster, within, count) = Piece(offset, destination.Length);
                if (_clusters.TryGetValue(cluster, out var data))
                {
                    data.AsSpan(within, count).CopyTo(destination);
                }
                else
                {
                    _base.Read(offset, destination[..count]);
                }

                offset += count;
                destination = destination[count..];
            }
        }
    }

    /// <inheritdoc/>
    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        lock (_lock)
        {
            while (!source.IsEmpty)
            {
                var (cluster, within, count) = Piece(offset, source.Length);
                if (!_clusters.TryGetValue(cluster, out var data))
                {
                    data = new byte[ClusterSize];
                    var start = cluster * ClusterSize;
                    var available = (int)Math.Min(ClusterSize, Length - start);
                    if (count < available)
                    {
                        _base.Read(start, data.AsSpan(0, available));
                    }

                    _clusters[cluster] = data;
                }

                source[..count].CopyTo(data.AsSpan(within, count));
                offset += count;
                source = source[count..];
            }
        }
    }

    /// <inheritdoc/>
    public void Flush()
    {
    }

    /// <inheritdoc/>
    public void Dispose() => _base.Dispose();

    private static (long Cluster, int Within, int Count) Piece(long offset, int length)
    {
        var cluster = offset / ClusterSize;
        var within = (int)(offset % ClusterSize);
        return (cluster, within, Math.Min(length, ClusterSize - within));
    }
}
