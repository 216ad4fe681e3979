namespace Pane.Host.DiskImages.Ext4;

/// <summary>A run of logical blocks of a file that map to consecutive physical blocks, or read as zeros.</summary>
/// <param name="Physical">The first physical block, or <see cref="Zeros"/> for a hole or an unwritten extent.</param>
/// <param name="Length">The number of blocks in the run, at least one.</param>
internal readonly record struct Ext4BlockRun(ulong Physical, ulong Length)
{
    /// <summary>The <see cref="Physical"/> value of a run that reads as zeros.</summary>
    public const ulong Zeros = ulong.MaxValue;

    public bool IsZeros => Physical == Zeros;
}
