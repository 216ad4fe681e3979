using System.Buffers.Binary;

namespace Pane.Host.DiskImages.Partitions;

/// <summary>Reads a disk's MBR or GPT, or reports a bare filesystem.</summary>
internal static class PartitionTableReader
{
    public const int SectorSize = 512;
    private const int MbrSignatureOffset = 510;
    private const int MbrEntriesOffset = 446;
    private const int MaxLogicalPartitions = 128;

    public static PartitionTable Read(ReadOnlyDiskStream disk, string name)
    {
        var sector = new byte[SectorSize];
        if (disk.ReadAt(0, sector) < SectorSize || BinaryPrimitives.ReadUInt16LittleEndian(sector.AsSpan(MbrSignatureOffset)) != 0xaa55)
        {
            return Bare();
        }

        var entries = new MbrEntry[4];
        for (var index = 0; index < 4; index++)
        {
            entries[index] = MbrEntry.Parse(sector.AsSpan(MbrEntriesOffset + (index * 16), 16));
            if (entries[index].Status is not (0x00 or 0x80))
            {
                return Bare();
            }
        }

        if (entries.Any(entry => entry.Type == 0xee))
        {
            return GptReader.Read(disk, name);
        }

        var used = entries.Where(entry => !entry.IsEmpty).ToList();
        if (used.Count == 0)
        {
            return Bare();
        }

        var signature = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(440));
        var partitions = new List<Partition>();
        MbrEntry? extended = null;
        for (var index = 0; index < 4; index++)
        {
            var entry = entries[index];
            if (entry.IsEmpty)
            {
                continue;
            }

            partitions.Add(ToPartition(entry, 0, index + 1, signature, disk.Length, name, $"MBR entry {index + 1}"));
            if (PartitionTypeNames.IsExtended(entry.Type))
            {
                extended ??= entry;
            }
        }

        if (extended is { } container)
        {
            ReadLogicalPartitions(disk, name, container, signature, partitions);
        }

        return new PartitionTable
        {
            Scheme = PartitionTableScheme.Mbr,
            DiskId = signature.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            Partitions = partitions,
        };
    }

    private static void ReadLogicalPartitions(ReadOnlyDiskStream disk, string name, MbrEntry container, uint signature, List<Partition> partitions)
    {
        var visited = new HashSet<long>();
        var sector = new byte[SectorSize];
        long ebr = container.FirstSector;
        var containerEnd = (long)container.FirstSector + container.SectorCount;
        for (var number = 5; ; number++)
        {
            if (number - 5 >= MaxLogicalPartitions)
            {
                throw Damaged(name, $"the extended partition chains more than {MaxLogicalPartitions} logical partitions");
            }

            if (!visited.Add(ebr))
            {
                throw Damaged(name, $"the extended partition's chain loops back to sector {ebr}");
            }

            if (ebr < container.FirstSector || ebr >= containerEnd || disk.ReadAt(ebr * SectorSize, sector) < SectorSize)
            {
                throw Damaged(name, $"the extended boot record at sector {ebr} lies outside the extended partition");
            }

            if (BinaryPrimitives.ReadUInt16LittleEndian(sector.AsSpan(MbrSignatureOffset)) != 0xaa55)
            {
                throw Damaged(name, $"the extended boot record at sector {ebr} has no boot signature");
            }

            var logical = MbrEntry.Parse(sector.AsSpan(MbrEntriesOffset, 16));
            var next = MbrEntry.Parse(sector.AsSpan(MbrEntriesOffset + 16, 16));
            if (!logical.IsEmpty)
            {
                var partition = ToPartition(logical, ebr, number, signature, disk.Length, name, $"the logical partition at sector {ebr}");
                if (partition.Offset + partition.Size > containerEnd * SectorSize)
                {
                    throw Damaged(name, $"the logical partition at sector {ebr} runs past the end of the extended partition");
                }

                partitions.Add(partition);
            }
            else
            {
                number--;
            }

            if (next.IsEmpty || !PartitionTypeNames.IsExtended(next.Type))
            {
                return;
            }

            ebr = container.FirstSector + (long)next.FirstSector;
        }
    }

    private static Partition ToPartition(MbrEntry entry, long baseSector, int number, uint signature, long diskLength, string name, string where)
    {
        var first = baseSector + entry.FirstSector;
        var offset = first * SectorSize;
        var size = (long)entry.SectorCount * SectorSize;
        if (offset > diskLength || size > diskLength - offset)
        {
            throw Damaged(name, $"{where} (sectors {first} to {first + entry.SectorCount}) runs past the end of the {diskLength}-byte disk");
        }

        return new Partition
        {
            Number = number,
            MbrType = entry.Type,
            TypeName = PartitionTypeNames.ForMbr(entry.Type),
            UniqueId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{signature:x8}-{number:x2}"),
            Offset = offset,
            Size = size,
        };
    }

    private static PartitionTable Bare() => new() { Scheme = PartitionTableScheme.None, Partitions = [] };

    private static ImageFormatException Damaged(string name, string what) =>
        new($"The MBR partition table of '{name}' is damaged: {what}.", "Repair the partition table with fdisk or sfdisk.");
}
