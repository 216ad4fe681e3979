namespace Pane.Host.DiskImages.Partitions;

/// <summary>One partition of a disk.</summary>
public sealed record Partition
{
    /// <summary>Gets the partition's number as Linux counts it (from 1; logical MBR partitions from 5).</summary>
    public required int Number { get; init; }

    /// <summary>Gets the GPT partition type GUID, or <see langword="null"/> on an MBR disk.</summary>
    public Guid? TypeGuid { get; init; }

    /// <summary>Gets the MBR partition type byte, or <see langword="null"/> on a GPT disk.</summary>
    public byte? MbrType { get; init; }

    /// <summary>Gets a readable name of the type, such as <c>Linux filesystem</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>Gets the GPT partition name, or <see langword="null"/> when there is none.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Gets the identifier Linux shows as <c>PARTUUID</c>: the GPT unique partition GUID in lower case, or on an MBR
    /// disk the disk signature and partition number, <c>xxxxxxxx-NN</c>.
    /// </summary>
    public required string UniqueId { get; init; }

    /// <summary>Gets the offset of the partition's first byte on the disk.</summary>
    public required long Offset { get; init; }

    /// <summary>Gets the partition's size in bytes.</summary>
    public required long Size { get; init; }
}
