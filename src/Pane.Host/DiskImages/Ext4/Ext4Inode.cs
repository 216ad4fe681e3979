using System.Buffers.Binary;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>One inode, as read from its inode table.</summary>
internal sealed class Ext4Inode
{
    public const uint ExtentsFlag = 0x80000;
    public const uint InlineDataFlag = 0x10000000;
    public const uint EncryptFlag = 0x800;
    public const uint CasefoldFlag = 0x40000000;
    public const uint HugeFileFlag = 0x40000;

    /// <summary>The size of <c>i_block</c>: extent root, block pointers, fast symlink or inline data.</summary>
    public const int BlockAreaSize = 60;

    private const int BlockAreaOffset = 0x28;
    private const int GoodOldInodeSize = 128;

    private readonly byte[] _raw;

    private Ext4Inode(uint number, byte[] raw, int extraSize)
    {
        Number = number;
        _raw = raw;
        ExtraSize = extraSize;
    }

    public uint Number { get; }

    public int ExtraSize { get; }

    public ushort Mode => U16(0x0);

    public uint UserId => U16(0x2) | ((uint)U16(0x78) << 16);

    public uint GroupId => U16(0x18) | ((uint)U16(0x7A) << 16);

    public int LinkCount => U16(0x1A);

    public uint Flags => U32(0x20);

    public ulong RawSize => U32(0x4) | ((ulong)U32(0x6C) << 32);

    public ReadOnlySpan<byte> BlockArea => _raw.AsSpan(BlockAreaOffset, BlockAreaSize);

    /// <summary>Gets the in-inode extended attribute area (after <c>i_extra_isize</c>), empty when there is none.</summary>
    public ReadOnlySpan<byte> ExtendedAttributeArea =>
        _raw.Length > GoodOldInodeSize ? _raw.AsSpan(GoodOldInodeSize + ExtraSize) : [];

    public bool HasFlag(uint flag) => (Flags & flag) != 0;

    public FileSystemEntryKind Kind => (Mode & 0xF000) switch
    {
        0x1000 => FileSystemEntryKind.Fifo,
        0x2000 => FileSystemEntryKind.CharacterDevice,
        0x4000 => FileSystemEntryKind.Directory,
        0x6000 => FileSystemEntryKind.BlockDevice,
        0x8000 => FileSystemEntryKind.File,
        0xA000 => FileSystemEntryKind.SymbolicLink,
        0xC000 => FileSystemEntryKind.Socket,
        _ => throw Ext4Errors.Damaged($"Inode {Number} has an unknown file type in its mode (0{Convert.ToString(Mode, 8)})."),
    };

    /// <summary>Gets the file size, checked to fit a <see cref="long"/>.</summary>
    public long Size
    {
        get
        {
            var size = RawSize;
            if (size > long.MaxValue)
            {
                throw Ext4Errors.Damaged($"Inode {Number} declares a size of {size} bytes, more than any file can hold.");
            }

            return (long)size;
        }
    }

    /// <summary>Gets the number of filesystem blocks the inode has allocated (data, tree and xattr blocks).</summary>
    public ulong AllocatedBlocks(int blockSize, bool hugeFileFeature)
    {
        var blocks = U32(0x1C) | (hugeFileFeature ? (ulong)U16(0x74) << 32 : 0);
        return hugeFileFeature && HasFlag(HugeFileFlag) ? blocks : blocks * 512 / (ulong)blockSize;
    }

    public DateTimeOffset ModifiedAt
    {
        get
        {
            long seconds = (int)U32(0x10);
            long nanoseconds = 0;
            if (ExtraSize >= 12)
            {
                var extra = U32(0x88);
                seconds += (long)(extra & 3) << 32;
                nanoseconds = Math.Min(extra >> 2, 999_999_999);
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanoseconds / 100);
        }
    }

    /// <summary>Parses an inode's on-disk bytes.</summary>
    public static Ext4Inode Parse(uint number, byte[] raw)
    {
        var extraSize = 0;
        if (raw.Length > GoodOldInodeSize)
        {
            extraSize = BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(0x80));
            if (GoodOldInodeSize + extraSize > raw.Length || extraSize % 4 != 0)
            {
                throw Ext4Errors.Damaged(
                    $"Inode {number} has an extra size of {extraSize} bytes, which does not fit its {raw.Length}-byte slot.");
            }
        }

        return new Ext4Inode(number, raw, extraSize);
    }

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(_raw.AsSpan(offset));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(_raw.AsSpan(offset));
}
