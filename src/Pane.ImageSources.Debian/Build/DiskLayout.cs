using System.Globalization;

namespace Pane.ImageSources.Debian.Build;

/// <summary>
/// The disk of a Debian image: a GPT whose one partition, typed "Linux root (x86-64)", starts at 1 MiB and ends
/// 1 MiB before the end of the disk (room for the backup table), holding an ext4 filesystem of 4 KiB blocks.
/// </summary>
/// <param name="DiskBytes">The size of the disk, a multiple of 1 MiB.</param>
/// <param name="DiskId">The GPT disk GUID.</param>
/// <param name="PartitionId">The root partition's unique GUID, which <c>root=PARTUUID=</c> names.</param>
/// <param name="FileSystemId">The ext4 filesystem's UUID.</param>
internal sealed record DiskLayout(long DiskBytes, Guid DiskId, Guid PartitionId, Guid FileSystemId)
{
    /// <summary>Gets the size of a built disk: 2 GiB, sparse, so it costs only what the system fills.</summary>
    public const long DefaultDiskBytes = 2L << 30;

    /// <summary>The GPT partition type of a root filesystem for x86-64 (the Discoverable Partitions Specification).</summary>
    public const string LinuxRootX64Type = "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709";

    private const long SectorBytes = 512;
    private const long BlockBytes = 4096;
    private const long AlignmentSectors = 2048;

    /// <summary>The first sector of the root partition.</summary>
    public const long PartitionStartSector = AlignmentSectors;

    /// <summary>Gets the number of sectors of the root partition.</summary>
    public long PartitionSectors => (DiskBytes / SectorBytes) - (2 * AlignmentSectors);

    /// <summary>The byte offset of the root partition, where the filesystem is written.</summary>
    public const long PartitionOffsetBytes = PartitionStartSector * SectorBytes;

    /// <summary>Gets the number of 4 KiB blocks of the filesystem, which fills the partition.</summary>
    public long FileSystemBlocks => PartitionSectors * SectorBytes / BlockBytes;

    /// <summary>Gets the sfdisk script that writes the partition table.</summary>
    public string SfdiskScript => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        label: gpt
        label-id: {DiskId.ToString().ToUpperInvariant()}
        unit: sectors
        first-lba: {AlignmentSectors}
        start={PartitionStartSector}, size={PartitionSectors}, type={LinuxRootX64Type}, uuid={PartitionId.ToString().ToUpperInvariant()}, name="root"

        """);

    /// <summary>Creates a layout with fresh identifiers.</summary>
    /// <param name="diskBytes">The size of the disk.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="diskBytes"/> is not a multiple of 1 MiB of at least 64 MiB.</exception>
    public static DiskLayout Create(long diskBytes)
    {
        if (diskBytes < (64L << 20) || diskBytes % (1L << 20) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(diskBytes), diskBytes, "The disk must be a multiple of 1 MiB of at least 64 MiB.");
        }

        return new DiskLayout(diskBytes, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
    }
}
