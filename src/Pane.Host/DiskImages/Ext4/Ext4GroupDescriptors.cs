using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>
/// The block group descriptors, read one descriptor block at a time as groups are needed, so a lying group count
/// never drives an allocation. Handles the classic layout (all descriptor blocks after the superblock) and meta_bg.
/// </summary>
internal sealed class Ext4GroupDescriptors
{
    private readonly Ext4Volume _volume;
    private readonly Ext4Superblock _superblock;
    private readonly uint _descriptorsPerBlock;
    private readonly ConcurrentDictionary<uint, ulong> _inodeTables = new();

    public Ext4GroupDescriptors(Ext4Volume volume, Ext4Superblock superblock)
    {
        _volume = volume;
        _superblock = superblock;
        _descriptorsPerBlock = (uint)(superblock.BlockSize / superblock.DescriptorSize);
    }

    /// <summary>Gets the first block of a group's inode table, checked to lie inside the filesystem.</summary>
    public ulong InodeTableOf(uint group) => _inodeTables.GetOrAdd(group, ReadInodeTable);

    private ulong ReadInodeTable(uint group)
    {
        if (group >= _superblock.GroupCount)
        {
            throw Ext4Errors.Damaged(
                $"Block group {group} does not exist: the superblock declares {_superblock.GroupCount} groups.");
        }

        var descriptorBlock = DescriptorBlockOf(group / _descriptorsPerBlock);
        var raw = new byte[_superblock.DescriptorSize];
        var offset = (long)descriptorBlock * _superblock.BlockSize
            + (long)(group % _descriptorsPerBlock) * _superblock.DescriptorSize;
        _volume.CheckBlocks(descriptorBlock, 1, $"group descriptor {group}");
        _volume.ReadAt(offset, raw, $"group descriptor {group}");

        ulong table = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(0x8));
        if (_superblock.DescriptorSize >= 64)
        {
            table |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(0x28)) << 32;
        }

        var tableBlocks = ((ulong)_superblock.InodesPerGroup * (ulong)_superblock.InodeSize
            + (ulong)_superblock.BlockSize - 1) / (ulong)_superblock.BlockSize;
        if (table == 0 || table < _superblock.FirstDataBlock)
        {
            throw Ext4Errors.Damaged($"Group descriptor {group} points its inode table at block {table}.");
        }

        _volume.CheckBlocks(table, tableBlocks, $"inode table of group descriptor {group}");
        return table;
    }

    private ulong DescriptorBlockOf(uint descriptorBlockIndex)
    {
        var first = (ulong)_superblock.FirstDataBlock;
        if (!_superblock.Has(Ext4Features.IncompatMetaBg) || descriptorBlockIndex < _superblock.FirstMetaBlockGroup)
        {
            return first + 1 + descriptorBlockIndex;
        }

        var group = (ulong)descriptorBlockIndex * _descriptorsPerBlock;
        var block = first + group * _superblock.BlocksPerGroup;
        return group <= uint.MaxValue && _superblock.GroupHasSuperblock((uint)group) ? block + 1 : block;
    }
}
