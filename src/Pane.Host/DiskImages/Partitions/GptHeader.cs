using System.Buffers.Binary;

namespace Pane.Host.DiskImages.Partitions;

/// <summary>A GPT header (UEFI specification, section 5.3.2) whose checksums have been verified.</summary>
internal sealed record GptHeader(Guid DiskGuid, long MyLba, long AlternateLba, long EntriesLba, int EntryCount, int EntrySize, byte[] Entries)
{
    private const int MinHeaderSize = 92;
    private const int MaxEntrySize = 4096;
    private const int MaxEntryArrayBytes = 1024 * 1024;

    /// <summary>Reads and checks the header at a sector, with its entry array.</summary>
    /// <param name="disk">The disk.</param>
    /// <param name="lba">The header's sector.</param>
    /// <param name="problem">Why the header is unusable, when it is.</param>
    /// <returns>The header, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static GptHeader? TryRead(ReadOnlyDiskStream disk, long lba, out string problem)
    {
        const int sectorSize = PartitionTableReader.SectorSize;
        var sectors = disk.Length / sectorSize;
        var sector = new byte[sectorSize];
        if (lba < 1 || lba >= sectors || disk.ReadAt(lba * sectorSize, sector) < sectorSize)
        {
            problem = $"sector {lba} is outside the disk";
            return null;
        }

        if (!sector.AsSpan(0, 8).SequenceEqual("EFI PART"u8))
        {
            problem = "it has no 'EFI PART' signature";
            return null;
        }

        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(12));
        if (headerSize is < MinHeaderSize or > sectorSize)
        {
            problem = $"its size {headerSize} is outside {MinHeaderSize} to {sectorSize}";
            return null;
        }

        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(16));
        var copy = sector.AsSpan(0, (int)headerSize).ToArray();
        copy.AsSpan(16, 4).Clear();
        if (Crc32.Compute(copy) != storedCrc)
        {
            problem = "its CRC32 does not match";
            return null;
        }

        var myLba = BinaryPrimitives.ReadUInt64LittleEndian(sector.AsSpan(24));
        var alternateLba = BinaryPrimitives.ReadUInt64LittleEndian(sector.AsSpan(32));
        var entriesLba = BinaryPrimitives.ReadUInt64LittleEndian(sector.AsSpan(72));
        var entryCount = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(80));
        var entrySize = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(84));
        var entriesCrc = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(88));
        if (myLba != (ulong)lba)
        {
            problem = $"it says it lies at sector {myLba}";
            return null;
        }

        if (entrySize < 128 || entrySize > MaxEntrySize || entrySize % 128 != 0 || (ulong)entryCount * entrySize > MaxEntryArrayBytes)
        {
            problem = $"its entry array ({entryCount} entries of {entrySize} bytes) is not plausible";
            return null;
        }

        var arrayBytes = (int)(entryCount * entrySize);
        if (entriesLba < 1 || entriesLba >= (ulong)sectors || ((ulong)sectors - entriesLba) * sectorSize < (ulong)arrayBytes)
        {
            problem = $"its entry array at sector {entriesLba} runs past the end of the disk";
            return null;
        }

        var entries = new byte[arrayBytes];
        disk.ReadAt((long)entriesLba * sectorSize, entries);
        if (Crc32.Compute(entries) != entriesCrc)
        {
            problem = "the CRC32 of its partition entry array does not match";
            return null;
        }

        problem = string.Empty;
        return new GptHeader(
            new Guid(sector.AsSpan(56, 16)),
            lba,
            alternateLba > long.MaxValue ? -1 : (long)alternateLba,
            (long)entriesLba,
            (int)entryCount,
            (int)entrySize,
            entries);
    }
}
