namespace Pane.Machines;

/// <summary>What compacting a disk image gained.</summary>
/// <param name="Path">The image.</param>
/// <param name="BytesBefore">The bytes the image occupied on the host's disk before.</param>
/// <param name="BytesAfter">The bytes it occupies after.</param>
public sealed record DiskCompaction(string Path, long BytesBefore, long BytesAfter)
{
    /// <summary>Gets the bytes given back to the host's disk (zero when the copy came out no smaller).</summary>
    public long BytesReclaimed => Math.Max(0, BytesBefore - BytesAfter);
}
