using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Virtio;

/// <summary>
/// Reads a chain's readable bytes and writes its writable bytes as two flat byte streams, whatever the buffer
/// boundaries, as the specification asks of devices (Virtio 1.2, 2.6.4: no assumptions about framing).
/// </summary>
internal sealed class ChainAccess
{
    private readonly GuestMemory _memory;
    private readonly List<VirtqueueBuffer> _readable;
    private readonly List<VirtqueueBuffer> _writable;

    /// <summary>Initializes a new instance of the <see cref="ChainAccess"/> class.</summary>
    /// <param name="memory">Guest memory.</param>
    /// <param name="chain">A valid chain.</param>
    public ChainAccess(GuestMemory memory, DescriptorChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        _memory = memory;
        _readable = [.. chain.Buffers.Where(buffer => !buffer.IsWritable)];
        _writable = [.. chain.Buffers.Where(buffer => buffer.IsWritable)];
        ReadableLength = chain.ReadableLength;
        WritableLength = chain.WritableLength;
    }

    /// <summary>Gets the number of readable bytes.</summary>
    public long ReadableLength { get; }

    /// <summary>Gets the number of writable bytes.</summary>
    public long WritableLength { get; }

    /// <summary>Copies readable bytes out.</summary>
    /// <param name="offset">The offset into the readable bytes.</param>
    /// <param name="destination">Where to copy; the range lies inside the readable bytes.</param>
    public void Read(long offset, Span<byte> destination)
    {
        foreach (var (address, count, done) in Pieces(_readable, offset, destination.Length))
        {
            _memory.Slice(address, count).CopyTo(destination.Slice(done, count));
        }
    }

    /// <summary>Copies bytes into the writable bytes.</summary>
    /// <param name="offset">The offset into the writable bytes.</param>
    /// <param name="source">The bytes; the range lies inside the writable bytes.</param>
    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        foreach (var (address, count, done) in Pieces(_writable, offset, source.Length))
        {
            source.Slice(done, count).CopyTo(_memory.Slice(address, count));
        }
    }

    /// <summary>Calls <paramref name="visit"/> for each piece of guest memory a range of the readable bytes covers.</summary>
    /// <param name="offset">The offset into the readable bytes.</param>
    /// <param name="length">The length of the range.</param>
    /// <param name="visit">Takes each piece and how many bytes came before it.</param>
    public void VisitReadable(long offset, long length, SpanVisitor visit) => Visit(_readable, offset, length, visit);

    /// <summary>Calls <paramref name="visit"/> for each piece of guest memory a range of the writable bytes covers.</summary>
    /// <param name="offset">The offset into the writable bytes.</param>
    /// <param name="length">The length of the range.</param>
    /// <param name="visit">Takes each piece and how many bytes came before it.</param>
    public void VisitWritable(long offset, long length, SpanVisitor visit) => Visit(_writable, offset, length, visit);

    private void Visit(List<VirtqueueBuffer> buffers, long offset, long length, SpanVisitor visit)
    {
        foreach (var (address, count, done) in Pieces(buffers, offset, length))
        {
            visit(_memory.Slice(address, count), done);
        }
    }

    private static IEnumerable<(ulong Address, int Count, int Done)> Pieces(List<VirtqueueBuffer> buffers, long offset, long length)
    {
        var done = 0;
        foreach (var buffer in buffers)
        {
            if (length == 0)
            {
                yield break;
            }

            if (offset >= buffer.Length)
            {
                offset -= buffer.Length;
                continue;
            }

            var count = (int)Math.Min(buffer.Length - offset, length);
            yield return (buffer.Address + (ulong)offset, count, done);
            done += count;
            length -= count;
            offset = 0;
        }
    }

    /// <summary>Takes one piece of guest memory.</summary>
    /// <param name="guest">The piece.</param>
    /// <param name="done">How many bytes of the range came before it.</param>
    public delegate void SpanVisitor(Span<byte> guest, int done);
}
