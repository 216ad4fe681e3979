using System.Buffers.Binary;
using System.Text;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>
/// Reads a directory's entries in the order it stores them: linear blocks, and htree directories read linearly (an
/// htree's index blocks look like one empty entry spanning the block, so a linear read sees every leaf exactly once),
/// and inline directories. Every record length is checked against its block.
/// </summary>
internal static class Ext4DirectoryReader
{
    private const int HeaderSize = 8;
    private const int MaxNameLength = 255;
    private const int LargestRecordLength = 65536;

    /// <summary>Enumerates a directory's entries, <c>.</c> and <c>..</c> included.</summary>
    public static IEnumerable<Ext4DirectoryEntry> Enumerate(Ext4FileSystem fileSystem, Ext4Inode directory)
    {
        if (directory.HasFlag(Ext4Inode.InlineDataFlag))
        {
            return EnumerateInline(fileSystem, directory);
        }

        return EnumerateBlocks(fileSystem, directory);
    }

    private static List<Ext4DirectoryEntry> EnumerateInline(Ext4FileSystem fileSystem, Ext4Inode directory)
    {
        var parent = BinaryPrimitives.ReadUInt32LittleEndian(directory.BlockArea);
        var entries = new List<Ext4DirectoryEntry> { new(".", directory.Number), new("..", parent) };
        var where = $"inline directory inode {directory.Number}";
        Parse(directory.BlockArea[4..], fileSystem.HasFileType, where, entries);
        var extra = Ext4InlineData.FindSystemData(directory);
        if (!extra.IsEmpty)
        {
            Parse(extra, fileSystem.HasFileType, where, entries);
        }

        return entries;
    }

    private static IEnumerable<Ext4DirectoryEntry> EnumerateBlocks(Ext4FileSystem fileSystem, Ext4Inode directory)
    {
        var blockSize = (ulong)fileSystem.BlockSize;
        var size = (ulong)directory.Size;
        var blockCount = (size + blockSize - 1) / blockSize;
        var map = fileSystem.CreateBlockMap(directory);
        var buffer = new byte[blockSize];
        var entries = new List<Ext4DirectoryEntry>();
        var allocated = fileSystem.AllocatedBlocks(directory);
        ulong read = 0;
        ulong logical = 0;
        while (logical < blockCount)
        {
            var run = map.Map(logical);
            if (run.IsZeros)
            {
                logical += run.Length;
                continue;
            }

            var count = Math.Min(run.Length, blockCount - logical);
            read += count;
            if (read > allocated)
            {
                throw Ext4Errors.Damaged(
                    $"Directory inode {directory.Number} maps more blocks than the {allocated} it has allocated.");
            }

            for (ulong i = 0; i < count; i++)
            {
                var physical = run.Physical + i;
                var where = $"directory inode {directory.Number}, block {physical}";
                fileSystem.Volume.ReadBlocks(physical, buffer, where);
                entries.Clear();
                Parse(buffer, fileSystem.HasFileType, where, entries);
                foreach (var entry in entries)
                {
                    yield return entry;
                }
            }

            logical += count;
        }
    }

    private static void Parse(ReadOnlySpan<byte> block, bool hasFileType, string where, List<Ext4DirectoryEntry> entries)
    {
        var offset = 0;
        while (offset < block.Length)
        {
            if (block.Length - offset < HeaderSize)
            {
                throw Ext4Errors.Damaged($"The {where} ends with a {block.Length - offset}-byte scrap at offset {offset}.");
            }

            var inode = BinaryPrimitives.ReadUInt32LittleEndian(block[offset..]);
            var recordLength = DecodeRecordLength(BinaryPrimitives.ReadUInt16LittleEndian(block[(offset + 4)..]), block.Length);
            int nameLength = hasFileType ? block[offset + 6] : BinaryPrimitives.ReadUInt16LittleEndian(block[(offset + 6)..]);
            if (recordLength < HeaderSize || recordLength % 4 != 0 || recordLength > block.Length - offset
                || nameLength > MaxNameLength || HeaderSize + nameLength > recordLength)
            {
                throw Ext4Errors.Damaged(
                    $"The {where} has an entry at offset {offset} with record length {recordLength} and name length {nameLength}, which do not fit.");
            }

            if (inode != 0)
            {
                if (nameLength == 0)
                {
                    throw Ext4Errors.Damaged($"The {where} has an entry at offset {offset} with an empty name.");
                }

                var rawName = block.Slice(offset + HeaderSize, nameLength);
                if (rawName.IndexOfAny((byte)'/', (byte)0) >= 0)
                {
                    throw Ext4Errors.Damaged($"The {where} has an entry at offset {offset} whose name holds a '/' or a NUL.");
                }

                var name = Encoding.UTF8.GetString(rawName);
                entries.Add(new Ext4DirectoryEntry(name, inode));
            }

            offset += recordLength;
        }
    }

    private static int DecodeRecordLength(ushort raw, int blockLength)
    {
        if (blockLength < LargestRecordLength)
        {
            return raw;
        }

        return raw is 0 or ushort.MaxValue ? LargestRecordLength : (raw & 0xFFFC) | ((raw & 3) << 16);
    }
}
