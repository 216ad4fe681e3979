using System.Buffers.Binary;
using System.Text;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>The superblock of an ext2/3/4 volume, checked against itself before anything else is read.</summary>
internal sealed class Ext4Superblock
{
    /// <summary>The superblock's offset from the start of the volume.</summary>
    public const int Offset = 1024;

    /// <summary>The superblock's size on disk.</summary>
    public const int Size = 1024;

    private const ushort Magic = 0xEF53;
    private const int MaxLogBlockSize = 6;
    private const int Utf8Encoding = 1;

    private Ext4Superblock()
    {
    }

    public uint InodeCount { get; private init; }

    public ulong BlockCount { get; private init; }

    public uint FirstDataBlock { get; private init; }

    public int BlockSize { get; private init; }

    public uint BlocksPerGroup { get; private init; }

    public uint InodesPerGroup { get; private init; }

    public int InodeSize { get; private init; }

    public uint Compat { get; private init; }

    public uint Incompat { get; private init; }

    public uint RoCompat { get; private init; }

    public Guid Uuid { get; private init; }

    public string Label { get; private init; } = string.Empty;

    public int DescriptorSize { get; private init; }

    public uint FirstMetaBlockGroup { get; private init; }

    public uint GroupCount { get; private init; }

    public uint BackupGroup0 { get; private init; }

    public uint BackupGroup1 { get; private init; }

    public bool Has(uint incompat) => (Incompat & incompat) != 0;

    public bool HasRoCompat(uint roCompat) => (RoCompat & roCompat) != 0;

    /// <summary>Parses and checks a superblock.</summary>
    /// <param name="raw">The superblock's <see cref="Size"/> bytes.</param>
    /// <returns>The superblock.</returns>
    /// <exception cref="ImageFormatException">It is not an ext2/3/4 superblock, is inconsistent, or needs a feature
    /// this reader lacks.</exception>
    public static Ext4Superblock Parse(ReadOnlySpan<byte> raw)
    {
        if (BinaryPrimitives.ReadUInt16LittleEndian(raw[0x38..]) != Magic)
        {
            throw new ImageFormatException(
                "The volume has no ext2/3/4 superblock: the magic number at byte 1080 is not 0xEF53.",
                "Open the partition that holds the ext2/3/4 filesystem, not the whole disk or another filesystem.");
        }

        var revision = U32(raw, 0x4C);
        var incompat = revision >= 1 ? U32(raw, 0x60) : 0;
        var unsupported = incompat & ~Ext4Features.IncompatSupported;
        if (unsupported != 0)
        {
            var names = string.Join(", ", Ext4Features.Names(0, unsupported, 0));
            throw Ext4Errors.Unsupported($"The superblock lists incompatible features this reader does not read: {names}.");
        }

        var encoding = U16(raw, 0x27C);
        if ((incompat & Ext4Features.IncompatCasefold) != 0 && encoding != Utf8Encoding)
        {
            throw Ext4Errors.Unsupported(
                $"The superblock's casefold encoding ({encoding}) is not utf8 (1), the only one this reader folds names by.");
        }

        var logBlockSize = U32(raw, 0x18);
        if (logBlockSize > MaxLogBlockSize)
        {
            throw Ext4Errors.Damaged($"The superblock's block size field ({logBlockSize}) is out of range.");
        }

        var blockSize = 1024 << (int)logBlockSize;
        var is64Bit = (incompat & Ext4Features.Incompat64Bit) != 0;
        var blockCount = U32(raw, 0x4) | (is64Bit ? (ulong)U32(raw, 0x150) << 32 : 0);
        var firstDataBlock = U32(raw, 0x14);
        var blocksPerGroup = U32(raw, 0x20);
        var inodesPerGroup = U32(raw, 0x28);
        var inodeCount = U32(raw, 0x0);
        var inodeSize = revision >= 1 ? U16(raw, 0x58) : 128;
        var roCompat = revision >= 1 ? U32(raw, 0x64) : 0;
        var bitsPerBlock = (uint)blockSize * 8;
        var isBigalloc = (roCompat & Ext4Features.RoCompatBigalloc) != 0;

        Check(firstDataBlock == (blockSize == 1024 && !isBigalloc ? 1u : 0u) || firstDataBlock == 0,
            $"The superblock's first data block ({firstDataBlock}) does not fit a block size of {blockSize}.");
        Check(blocksPerGroup >= 8 && (isBigalloc || blocksPerGroup <= bitsPerBlock),
            $"The superblock's blocks per group ({blocksPerGroup}) is out of range for a block size of {blockSize}.");
        Check(inodesPerGroup >= 1 && inodesPerGroup <= bitsPerBlock,
            $"The superblock's inodes per group ({inodesPerGroup}) is out of range for a block size of {blockSize}.");
        Check(inodeSize >= 128 && inodeSize <= blockSize && (inodeSize & (inodeSize - 1)) == 0,
            $"The superblock's inode size ({inodeSize}) is not a power of two between 128 and the block size.");
        Check(blockCount > firstDataBlock,
            $"The superblock's block count ({blockCount}) leaves no room for data after block {firstDataBlock}.");

        var groupCount = (blockCount - firstDataBlock + blocksPerGroup - 1) / blocksPerGroup;
        Check(groupCount <= uint.MaxValue,
            $"The superblock's block count ({blockCount}) gives more block groups than ext4 allows.");
        Check(inodeCount >= 1 && inodeCount <= groupCount * inodesPerGroup,
            $"The superblock's inode count ({inodeCount}) exceeds {groupCount} groups of {inodesPerGroup} inodes.");

        var descriptorSize = 32;
        if (is64Bit)
        {
            descriptorSize = U16(raw, 0xFE);
            Check(descriptorSize >= 64 && descriptorSize <= 1024 && (descriptorSize & (descriptorSize - 1)) == 0,
                $"The superblock's group descriptor size ({descriptorSize}) is not a power of two from 64 to 1024.");
        }

        var compat = revision >= 1 ? U32(raw, 0x5C) : 0;
        return new Ext4Superblock
        {
            InodeCount = inodeCount,
            BlockCount = blockCount,
            FirstDataBlock = firstDataBlock,
            BlockSize = blockSize,
            BlocksPerGroup = blocksPerGroup,
            InodesPerGroup = inodesPerGroup,
            InodeSize = inodeSize,
            Compat = compat,
            Incompat = incompat,
            RoCompat = roCompat,
            Uuid = new Guid(raw.Slice(0x68, 16), bigEndian: true),
            Label = ReadLabel(raw.Slice(0x78, 16)),
            DescriptorSize = descriptorSize,
            FirstMetaBlockGroup = U32(raw, 0x104),
            GroupCount = (uint)groupCount,
            BackupGroup0 = U32(raw, 0x24C),
            BackupGroup1 = U32(raw, 0x250),
        };
    }

    /// <summary>Gets whether a block group holds a copy of the superblock and the group descriptors.</summary>
    public bool GroupHasSuperblock(uint group)
    {
        if (group == 0)
        {
            return true;
        }

        if ((Compat & Ext4Features.CompatSparseSuper2) != 0)
        {
            return group == BackupGroup0 || group == BackupGroup1;
        }

        if (group <= 1 || !HasRoCompat(Ext4Features.RoCompatSparseSuper))
        {
            return true;
        }

        return IsPowerOf(group, 3) || IsPowerOf(group, 5) || IsPowerOf(group, 7);
    }

    private static bool IsPowerOf(uint value, uint radix)
    {
        ulong power = radix;
        while (power < value)
        {
            power *= radix;
        }

        return power == value;
    }

    private static string ReadLabel(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw Ext4Errors.Damaged(message);
        }
    }

    private static uint U32(ReadOnlySpan<byte> raw, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(raw[offset..]);

    private static ushort U16(ReadOnlySpan<byte> raw, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(raw[offset..]);
}
