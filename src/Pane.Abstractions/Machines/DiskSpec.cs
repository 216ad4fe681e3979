namespace Pane.Machines;

/// <summary>A disk attached to a machine.</summary>
/// <param name="Path">The image file.</param>
/// <param name="Format">The image's format.</param>
/// <param name="Role">What the disk is for.</param>
public sealed record DiskSpec(string Path, DiskFormat Format, DiskRole Role)
{
    /// <summary>Gets a value indicating whether the guest's writes to this disk are thrown away when it stops.</summary>
    public bool IsEphemeral { get; init; }
}
