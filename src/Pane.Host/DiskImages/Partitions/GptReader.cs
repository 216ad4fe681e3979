using System.Buffers.Binary;
using System.Text;

namespace Pane.Host.DiskImages.Partitions;

/// <summary>Reads a GUID partition table, falling back to the backup header when the primary one is damaged.</summary>
internal static class GptReader
{
    public static PartitionTable Read(ReadOnlyDiskStream disk, string name)
    {
        var warnings = new List<string>();
        var lastLba = (disk.Length / PartitionTableReader.SectorSize) - 1;
        var header = GptHeader.TryRead(disk, 1, out var primaryProblem);
        if (header is null)
        {
            header = GptHeader.TryRead(disk, lastLba, out var backupProblem)
                ?? throw new ImageFormatException(
                    $"Both GPT headers of '{name}' are damaged: the primary at sector 1 because {primaryProblem}, the backup at sector {lastLba} because {backupProblem}.",
                    "Repair the partition table with gdisk or sfdisk, or download the image again.");
            warnings.Add($"The primary GPT header at sector 1 is damaged ({primaryProblem}); the backup header at sector {lastLba} was used instead.");
        }
        else if (GptHeader.TryRead(disk, header.AlternateLba, out var alternateProblem) is null)
        {
            warnings.Add($"The backup GPT header at sector {header.AlternateLba} is damaged ({alternateProblem}); the primary header was used.");
        }

        return new PartitionTable
        {
            Scheme = PartitionTableScheme.Gpt,
            DiskId = header.DiskGuid.ToString(),
            Partitions = ReadEntries(header, disk.Length, name),
            Warnings = warnings,
        };
    }

    private static List<Partition> ReadEntries(GptHeader header, long diskLength, string name)
    {
        var partitions = new List<Partition>();
        var sectors = diskLength / PartitionTableReader.SectorSize;
        for (var index = 0; index < header.EntryCount; index++)
        {
            var entry = header.Entries.AsSpan(index * header.EntrySize, header.EntrySize);
            var type = new Guid(entry[..16]);
            if (type == Guid.Empty)
            {
                continue;
            }

            var first = BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]);
            var last = BinaryPrimitives.ReadUInt64LittleEndian(entry[40..]);
            if (first > last || last >= (ulong)sectors)
            {
                throw new ImageFormatException(
                    $"The GPT entry {index + 1} of '{name}' (sectors {first} to {last}) does not lie inside the disk of {sectors} sectors.",
                    "Repair the partition table with gdisk or sfdisk.");
            }

            var nameText = Encoding.Unicode.GetString(entry.Slice(56, 72));
            var end = nameText.IndexOf('\0', StringComparison.Ordinal);
            nameText = end < 0 ? nameText : nameText[..end];
            partitions.Add(new Partition
            {
                Number = index + 1,
                TypeGuid = type,
                TypeName = PartitionTypeNames.ForGpt(type),
                Name = nameText.Length == 0 ? null : nameText,
                UniqueId = new Guid(entry.Slice(16, 16)).ToString(),
                Offset = (long)first * PartitionTableReader.SectorSize,
                Size = (long)(last - first + 1) * PartitionTableReader.SectorSize,
            });
        }

        return partitions;
    }
}
