namespace Pane.Host.DiskImages.Partitions;

/// <summary>How a disk is divided.</summary>
public enum PartitionTableScheme
{
    /// <summary>No partition table: the whole disk holds one filesystem.</summary>
    None,

    /// <summary>A master boot record, with extended and logical partitions.</summary>
    Mbr,

    /// <summary>A GUID partition table.</summary>
    Gpt,
}
