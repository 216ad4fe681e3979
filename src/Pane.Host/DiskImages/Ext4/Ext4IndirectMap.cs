using System.Buffers.Binary;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>
/// The classic ext2/3 block map: 12 direct pointers, then single-, double- and triple-indirect blocks. Pointer
/// blocks are read as they are needed and the last one of each level is kept; a zero pointer at any level is a
/// hole as large as everything under it, so a sparse file maps in a few steps.
/// </summary>
internal sealed class Ext4IndirectMap : IExt4BlockMap
{
    private const int DirectCount = 12;
    private const int Levels = 3;

    private readonly Ext4Volume _volume;
    private readonly uint _inode;
    private readonly uint _firstDataBlock;
    private readonly uint[] _roots = new uint[DirectCount + Levels];
    private readonly ulong _perBlock;
    private readonly ulong[] _cachedBlock = new ulong[Levels];
    private readonly uint[][] _cachedPointers = new uint[Levels][];

    public Ext4IndirectMap(Ext4Volume volume, Ext4Inode inode, uint firstDataBlock)
    {
        _volume = volume;
        _inode = inode.Number;
        _firstDataBlock = firstDataBlock;
        _perBlock = (ulong)volume.BlockSize / 4;
        for (var i = 0; i < _roots.Length; i++)
        {
            _roots[i] = BinaryPrimitives.ReadUInt32LittleEndian(inode.BlockArea[(i * 4)..]);
        }
    }

    public Ext4BlockRun Map(ulong logicalBlock)
    {
        if (logicalBlock < DirectCount)
        {
            return Coalesce(_roots.AsSpan(0, DirectCount), (int)logicalBlock, "direct block pointer");
        }

        var rest = logicalBlock - DirectCount;
        var span = _perBlock;
        for (var level = 0; level < Levels; level++)
        {
            if (rest < span)
            {
                return MapUnder(_roots[DirectCount + level], level, rest, span);
            }

            rest -= span;
            span *= _perBlock;
        }

        return new Ext4BlockRun(Ext4BlockRun.Zeros, 1);
    }

    /// <summary>Maps an offset below a pointer block that covers <paramref name="span"/> logical blocks.</summary>
    private Ext4BlockRun MapUnder(uint block, int level, ulong offset, ulong span)
    {
        var depth = 0;
        while (true)
        {
            if (block == 0)
            {
                return new Ext4BlockRun(Ext4BlockRun.Zeros, span - offset);
            }

            var pointers = ReadPointers(block, depth, level);
            span /= _perBlock;
            var index = offset / span;
            offset %= span;
            if (span == 1)
            {
                return Coalesce(pointers, (int)index, $"indirect block {block}");
            }

            block = pointers[(int)index];
            depth++;
        }
    }

    private uint[] ReadPointers(uint block, int depth, int level)
    {
        if (_cachedPointers[depth] is { } cached && _cachedBlock[depth] == block)
        {
            return cached;
        }

        var what = $"level-{level + 1 - depth} indirect block of inode {_inode}";
        CheckPointer(block, what);
        var raw = new byte[_volume.BlockSize];
        _volume.ReadBlocks(block, raw, what);
        var pointers = _cachedPointers[depth] ?? new uint[_perBlock];
        for (var i = 0; i < pointers.Length; i++)
        {
            pointers[i] = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(i * 4));
        }

        _cachedPointers[depth] = pointers;
        _cachedBlock[depth] = block;
        return pointers;
    }

    /// <summary>Extends a run over the following pointers while they stay consecutive (or stay zero).</summary>
    private Ext4BlockRun Coalesce(ReadOnlySpan<uint> pointers, int index, string where)
    {
        var first = pointers[index];
        var length = 1;
        if (first == 0)
        {
            while (index + length < pointers.Length && pointers[index + length] == 0)
            {
                length++;
            }

            return new Ext4BlockRun(Ext4BlockRun.Zeros, (ulong)length);
        }

        while (index + length < pointers.Length && pointers[index + length] == first + (uint)length)
        {
            length++;
        }

        CheckPointer(first, $"{where} of inode {_inode}");
        _volume.CheckBlocks(first, (ulong)length, $"{where} of inode {_inode}");
        return new Ext4BlockRun(first, (ulong)length);
    }

    private void CheckPointer(uint block, string what)
    {
        if (block < _firstDataBlock)
        {
            throw Ext4Errors.Damaged($"The {what} points at block {block}, inside the filesystem's reserved area.");
        }

        _volume.CheckBlocks(block, 1, what);
    }
}
