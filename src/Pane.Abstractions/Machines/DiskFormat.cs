namespace Pane.Machines;

/// <summary>The format of a disk image file.</summary>
public enum DiskFormat
{
    /// <summary>A raw image: the disk's bytes as they are.</summary>
    Raw,

    /// <summary>A QEMU copy-on-write image, version 2 or 3.</summary>
    Qcow2,
}
