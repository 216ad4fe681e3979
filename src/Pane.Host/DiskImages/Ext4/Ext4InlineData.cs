using System.Buffers.Binary;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>
/// Reads inline data: a small file's or directory's bytes kept in the inode itself, first in <c>i_block</c> and
/// the rest in the value of the in-inode extended attribute <c>system.data</c>.
/// </summary>
internal static class Ext4InlineData
{
    private const uint XattrMagic = 0xEA020000;
    private const int EntryHeaderSize = 16;
    private const byte SystemNameIndex = 7;

    /// <summary>Gets the inline bytes of a file, exactly <see cref="Ext4Inode.Size"/> of them.</summary>
    public static byte[] ReadFile(Ext4Inode inode)
    {
        var size = inode.Size;
        var extra = FindSystemData(inode);
        if (size > Ext4Inode.BlockAreaSize + extra.Length)
        {
            throw Ext4Errors.Damaged(
                $"Inode {inode.Number} declares {size} bytes of inline data but holds {Ext4Inode.BlockAreaSize + extra.Length}.");
        }

        var data = new byte[size];
        var head = (int)Math.Min(size, Ext4Inode.BlockAreaSize);
        inode.BlockArea[..head].CopyTo(data);
        extra[..(int)(size - head)].CopyTo(data.AsSpan(head));
        return data;
    }

    /// <summary>Finds the value of <c>system.data</c> in the inode's extended attribute area; empty if absent.</summary>
    public static ReadOnlySpan<byte> FindSystemData(Ext4Inode inode)
    {
        var area = inode.ExtendedAttributeArea;
        if (area.Length < 4 || BinaryPrimitives.ReadUInt32LittleEndian(area) != XattrMagic)
        {
            return [];
        }

        var entries = area[4..];
        var offset = 0;
        while (offset + EntryHeaderSize <= entries.Length && BinaryPrimitives.ReadUInt32LittleEndian(entries[offset..]) != 0)
        {
            var nameLength = entries[offset];
            var nameIndex = entries[offset + 1];
            int valueOffset = BinaryPrimitives.ReadUInt16LittleEndian(entries[(offset + 2)..]);
            var valueInode = BinaryPrimitives.ReadUInt32LittleEndian(entries[(offset + 4)..]);
            var valueSize = BinaryPrimitives.ReadUInt32LittleEndian(entries[(offset + 8)..]);
            if (offset + EntryHeaderSize + nameLength > entries.Length)
            {
                throw Ext4Errors.Damaged($"Inode {inode.Number}: an in-inode extended attribute name overruns the inode.");
            }

            var name = entries.Slice(offset + EntryHeaderSize, nameLength);
            if (nameIndex == SystemNameIndex && name.SequenceEqual("data"u8))
            {
                if (valueInode != 0 || valueSize > (uint)entries.Length || valueOffset + (int)valueSize > entries.Length)
                {
                    throw Ext4Errors.Damaged(
                        $"Inode {inode.Number}: the system.data attribute ({valueSize} bytes at {valueOffset}) overruns the inode.");
                }

                return entries.Slice(valueOffset, (int)valueSize);
            }

            offset += (EntryHeaderSize + nameLength + 3) & ~3;
        }

        return [];
    }
}
