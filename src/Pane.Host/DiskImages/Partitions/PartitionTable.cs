namespace Pane.Host.DiskImages.Partitions;

/// <summary>The partitions of a disk, as its partition table describes them.</summary>
public sealed record PartitionTable
{
    /// <summary>Gets how the disk is divided.</summary>
    public required PartitionTableScheme Scheme { get; init; }

    /// <summary>
    /// Gets the disk's identifier: the GPT disk GUID in lower case, or the MBR disk signature as eight hexadecimal
    /// digits; <see langword="null"/> without a table.
    /// </summary>
    public string? DiskId { get; init; }

    /// <summary>Gets the partitions in table order; empty when the disk holds a bare filesystem.</summary>
    public required IReadOnlyList<Partition> Partitions { get; init; }

    /// <summary>Gets what was wrong with the table but could be worked around, such as a damaged primary GPT header.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
