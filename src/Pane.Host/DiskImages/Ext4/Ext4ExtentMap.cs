using System.Buffers.Binary;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>
/// The extent tree of one inode, read whole when the file is opened and checked on the way: node headers, depth
/// (at most <see cref="MaxDepth"/>, one less per level), key order, leaf ranges inside their parent's key range,
/// physical blocks inside the filesystem, no node block visited twice, and no more blocks mapped than allocated.
/// </summary>
internal sealed class Ext4ExtentMap : IExt4BlockMap
{
    /// <summary>The deepest extent tree Linux builds (ext4's own limit).</summary>
    public const int MaxDepth = 5;

    private const ushort HeaderMagic = 0xF30A;
    private const int EntrySize = 12;
    private const uint MaxInitializedLength = 32768;
    private const ulong LogicalLimit = 1UL << 32;

    private readonly Ext4Extent[] _extents;

    private Ext4ExtentMap(Ext4Extent[] extents) => _extents = extents;

    /// <summary>Reads and checks an inode's extent tree.</summary>
    public static Ext4ExtentMap Read(Ext4Volume volume, Ext4Inode inode, ulong allocatedBlocks, uint firstDataBlock)
    {
        var builder = new Builder(volume, inode, allocatedBlocks, firstDataBlock);
        builder.ReadNode(inode.BlockArea, "extent tree root", expectedDepth: -1, low: 0, high: LogicalLimit);
        return new Ext4ExtentMap([.. builder.Extents]);
    }

    public Ext4BlockRun Map(ulong logicalBlock)
    {
        var low = 0;
        var high = _extents.Length - 1;
        var found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_extents[middle].Logical <= logicalBlock)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (found >= 0)
        {
            var extent = _extents[found];
            var end = extent.Logical + extent.Length;
            if (logicalBlock < end)
            {
                var offset = logicalBlock - extent.Logical;
                return new Ext4BlockRun(extent.Unwritten ? Ext4BlockRun.Zeros : extent.Physical + offset, end - logicalBlock);
            }
        }

        var next = found + 1 < _extents.Length ? _extents[found + 1].Logical : LogicalLimit;
        return new Ext4BlockRun(Ext4BlockRun.Zeros, Math.Max(1, next - logicalBlock));
    }

    private readonly record struct Ext4Extent(ulong Logical, ulong Length, ulong Physical, bool Unwritten);

    private sealed class Builder(Ext4Volume volume, Ext4Inode inode, ulong allocatedBlocks, uint firstDataBlock)
    {
        private readonly HashSet<ulong> _visited = [];
        private ulong _mappedBlocks;

        public List<Ext4Extent> Extents { get; } = [];

        public void ReadNode(ReadOnlySpan<byte> node, string where, int expectedDepth, ulong low, ulong high)
        {
            if (node.Length < EntrySize || BinaryPrimitives.ReadUInt16LittleEndian(node) != HeaderMagic)
            {
                throw Damaged($"{where} has no extent header magic");
            }

            var entries = BinaryPrimitives.ReadUInt16LittleEndian(node[2..]);
            var max = BinaryPrimitives.ReadUInt16LittleEndian(node[4..]);
            var depth = BinaryPrimitives.ReadUInt16LittleEndian(node[6..]);
            var capacity = (node.Length - EntrySize) / EntrySize;
            if (max > capacity || entries > max)
            {
                throw Damaged($"{where} claims {entries} of {max} entries where {capacity} fit");
            }

            if (depth > MaxDepth || (expectedDepth >= 0 && depth != expectedDepth))
            {
                throw Damaged(expectedDepth >= 0
                    ? $"{where} has depth {depth} where {expectedDepth} was expected"
                    : $"{where} has depth {depth}, deeper than {MaxDepth}");
            }

            var previousEnd = low;
            for (var i = 0; i < entries; i++)
            {
                var entry = node.Slice(EntrySize * (i + 1), EntrySize);
                var logical = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(entry);
                if (logical < previousEnd || logical >= high)
                {
                    throw Damaged($"{where}, entry {i}, starts at logical block {logical}, out of order or outside its parent's range");
                }

                if (depth == 0)
                {
                    previousEnd = ReadLeafEntry(entry, logical, high, where, i);
                }
                else
                {
                    var nextKey = i + 1 < entries
                        ? BinaryPrimitives.ReadUInt32LittleEndian(node[(EntrySize * (i + 2))..])
                        : high;
                    ReadIndexEntry(entry, depth, logical, Math.Min(nextKey, high), where, i);
                    previousEnd = logical + 1;
                }
            }
        }

        private ulong ReadLeafEntry(ReadOnlySpan<byte> entry, ulong logical, ulong high, string where, int index)
        {
            uint length = BinaryPrimitives.ReadUInt16LittleEndian(entry[4..]);
            var physical = ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]) << 32)
                | BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            var unwritten = length > MaxInitializedLength;
            if (unwritten)
            {
                length -= MaxInitializedLength;
            }

            if (length == 0 || logical + length > high)
            {
                throw Damaged($"{where}, extent {index} (logical {logical}, length {length}), is empty or overruns its range");
            }

            if (physical < firstDataBlock)
            {
                throw Damaged($"{where}, extent {index}, points at block {physical}, inside the filesystem's reserved area");
            }

            volume.CheckBlocks(physical, length, $"extent {index} of {where} of inode {inode.Number}");
            _mappedBlocks += length;
            if (_mappedBlocks > allocatedBlocks)
            {
                throw Damaged($"{where} maps more blocks ({_mappedBlocks}) than the inode has allocated ({allocatedBlocks})");
            }

            Extents.Add(new Ext4Extent(logical, length, physical, unwritten));
            return logical + length;
        }

        private void ReadIndexEntry(ReadOnlySpan<byte> entry, int depth, ulong low, ulong high, string where, int index)
        {
            var child = ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(entry[8..]) << 32)
                | BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            var childWhere = $"extent tree block {child}";
            if (child < firstDataBlock)
            {
                throw Damaged($"{where}, index {index}, points at block {child}, inside the filesystem's reserved area");
            }

            if (!_visited.Add(child))
            {
                throw Damaged($"{where}, index {index}, points at {childWhere} a second time (a cycle or shared node)");
            }

            var block = new byte[volume.BlockSize];
            volume.ReadBlocks(child, block, $"{childWhere} of inode {inode.Number}");
            ReadNode(block, childWhere, depth - 1, low, high);
        }

        private ImageFormatException Damaged(string what) =>
            Ext4Errors.Damaged($"Inode {inode.Number}: {what}.");
    }
}
