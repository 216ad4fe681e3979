using System.Buffers.Binary;

namespace Pane.Host.DiskImages.Partitions;

/// <summary>One 16-byte entry of an MBR or extended boot record.</summary>
internal readonly record struct MbrEntry(byte Status, byte Type, uint FirstSector, uint SectorCount)
{
    public bool IsEmpty => Type == 0 || SectorCount == 0;

    public static MbrEntry Parse(ReadOnlySpan<byte> entry) => new(
        entry[0],
        entry[4],
        BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]));
}
