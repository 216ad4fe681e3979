using System.Buffers.Binary;
using System.IO.Compression;

namespace Pane.Host.DiskImages.Qcow2;

/// <summary>
/// The guest-visible bytes of a qcow2 image: clusters found through the L1 and L2 tables, zero clusters, deflate
/// compressed clusters, and unallocated clusters read from the backing layer (or as zeros without one). Only the
/// tables and clusters a read touches are loaded, through caches bounded in bytes.
/// </summary>
internal sealed class Qcow2DiskStream : ReadOnlyDiskStream
{
    private const ulong OffsetMask = 0x00ff_ffff_ffff_fe00;
    private const ulong CompressedFlag = 1UL << 62;
    private const ulong ZeroFlag = 1UL;
    private const long CacheBytes = 16 * 1024 * 1024;

    private readonly ReadOnlyDiskStream _file;
    private readonly Qcow2Header _header;
    private readonly string _name;
    private readonly ReadOnlyDiskStream? _backing;
    private readonly ulong[] _l1;
    private readonly LruCache<long, ulong[]> _l2Tables;
    private readonly LruCache<ulong, byte[]> _compressedClusters;
    private readonly Lock _lock = new();

    public Qcow2DiskStream(ReadOnlyDiskStream file, Qcow2Header header, string name, ReadOnlyDiskStream? backing)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(header);
        _file = file;
        _header = header;
        _name = name;
        _backing = backing;
        var capacity = (int)Math.Max(4, CacheBytes / header.ClusterSize);
        _l2Tables = new LruCache<long, ulong[]>(capacity);
        _compressedClusters = new LruCache<ulong, byte[]>(capacity);
        _l1 = ReadTable(header.L1TableOffset, header.L1Size);
    }

    public override long Length => _header.VirtualSize;

    protected override void ReadCore(long offset, Span<byte> buffer)
    {
        lock (_lock)
        {
            var clusterSize = _header.ClusterSize;
            while (!buffer.IsEmpty)
            {
                var within = (int)(offset & (clusterSize - 1));
                var chunk = Math.Min(buffer.Length, clusterSize - within);
                ReadFromCluster(offset, within, buffer[..chunk]);
                offset += chunk;
                buffer = buffer[chunk..];
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _backing?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ReadFromCluster(long offset, int within, Span<byte> target)
    {
        var cluster = offset >> _header.ClusterBits;
        var l2Bits = _header.ClusterBits - 3;
        var l1Index = cluster >> l2Bits;
        var l2Offset = (long)(_l1[l1Index] & OffsetMask);
        if (l2Offset == 0)
        {
            ReadUnallocated(offset, target);
            return;
        }

        var l2 = _l2Tables.GetOrAdd(l2Offset, LoadL2Table);
        var entry = l2[cluster & (_header.L2Entries - 1)];
        if ((entry & CompressedFlag) != 0)
        {
            var data = _compressedClusters.GetOrAdd(entry & ~(3UL << 62), Decompress);
            data.AsSpan(within, target.Length).CopyTo(target);
            return;
        }

        var hostOffset = (long)(entry & OffsetMask);
        if ((entry & ZeroFlag) != 0 && _header.Version >= 3)
        {
            target.Clear();
            return;
        }

        if (hostOffset == 0)
        {
            ReadUnallocated(offset, target);
            return;
        }

        if ((hostOffset & (_header.ClusterSize - 1)) != 0 || hostOffset >= _file.Length)
        {
            throw Damaged($"the L2 entry of guest offset {offset} points at host offset {hostOffset}, outside the file or not cluster-aligned");
        }

        var read = _file.ReadAt(hostOffset + within, target);
        target[read..].Clear();
    }

    private void ReadUnallocated(long offset, Span<byte> target)
    {
        var read = _backing?.ReadAt(offset, target) ?? 0;
        target[read..].Clear();
    }

    private ulong[] LoadL2Table(long l2Offset)
    {
        if ((l2Offset & (_header.ClusterSize - 1)) != 0 || l2Offset > _file.Length - _header.ClusterSize)
        {
            throw Damaged($"an L2 table at offset {l2Offset} lies outside the file or is not cluster-aligned");
        }

        return ReadTable(l2Offset, _header.L2Entries);
    }

    private ulong[] ReadTable(long tableOffset, int entries)
    {
        var bytes = new byte[entries * 8L];
        if (_file.ReadAt(tableOffset, bytes) != bytes.Length)
        {
            throw Damaged($"the table at offset {tableOffset} runs past the end of the file");
        }

        var table = new ulong[entries];
        for (var index = 0; index < entries; index++)
        {
            table[index] = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(index * 8));
        }

        return table;
    }

    private byte[] Decompress(ulong descriptor)
    {
        var clusterBits = _header.ClusterBits;
        var offsetBits = 62 - (clusterBits - 8);
        var hostOffset = (long)(descriptor & ((1UL << offsetBits) - 1));
        var sectors = (long)((descriptor >> offsetBits) & ((1UL << (clusterBits - 8)) - 1)) + 1;
        var compressedSize = (sectors * 512) - (hostOffset & 511);
        if (hostOffset >= _file.Length)
        {
            throw Damaged($"a compressed cluster at host offset {hostOffset} lies outside the file");
        }

        compressedSize = Math.Min(compressedSize, _file.Length - hostOffset);
        var compressed = new byte[compressedSize];
        _file.ReadAt(hostOffset, compressed);
        var cluster = new byte[_header.ClusterSize];
        try
        {
            using var inflater = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
            inflater.ReadExactly(cluster);
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException)
        {
            throw new ImageFormatException(
                $"The compressed cluster at host offset {hostOffset} of qcow2 image '{_name}' does not inflate to a whole cluster.",
                "Check the image with 'qemu-img check' or download it again.",
                error);
        }

        return cluster;
    }

    private ImageFormatException Damaged(string what) =>
        new($"The qcow2 image '{_name}' is damaged: {what}.", "Check the image with 'qemu-img check' or download it again.");
}
