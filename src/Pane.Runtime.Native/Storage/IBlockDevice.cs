namespace Pane.Runtime.Native.Storage;

/// <summary>A disk as the VMM's block devices see it: a fixed number of bytes read and written at offsets.</summary>
internal interface IBlockDevice : IDisposable
{
    /// <summary>Gets the disk's size in bytes.</summary>
    long Length { get; }

    /// <summary>Gets a value indicating whether writes are refused.</summary>
    bool IsReadOnly { get; }

    /// <summary>Reads bytes; the range lies inside the disk.</summary>
    /// <param name="offset">The first byte.</param>
    /// <param name="destination">Where to put the bytes.</param>
    /// <exception cref="IOException">The host could not read.</exception>
    void Read(long offset, Span<byte> destination);

    /// <summary>Writes bytes; the range lies inside the disk.</summary>
    /// <param name="offset">The first byte.</param>
    /// <param name="source">The bytes.</param>
    /// <exception cref="IOException">The host could not write, or the disk is read-only.</exception>
    void Write(long offset, ReadOnlySpan<byte> source);

    /// <summary>Makes written bytes durable.</summary>
    /// <exception cref="IOException">The host could not flush.</exception>
    void Flush();
}
