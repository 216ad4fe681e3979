namespace Pane.Machines;

/// <summary>A disk attached to a machine.</summary>
/// <param name="Path">The image file.</param>
/// <param name="Format">The image's format.</param>
/// <param name="Role">What the disk is for.</param>
public sealed record DiskSpec(string Path, DiskFormat Format, DiskRole Role)
{
    /// <summary>Gets a value indicating whether the guest's writes to this disk are thrown away when it stops.</summary>
    public bool IsEphemeral { get; init; }

    /// <summary>
    /// Gets the image this disk's copy-on-write overlay reads through to (the base image, for a
    /// <see cref="DiskRole.RootOverlay"/>), or <see langword="null"/> for a standalone disk. A runtime creates a
    /// missing overlay over it.
    /// </summary>
    public DiskSpec? Backing { get; init; }
}
