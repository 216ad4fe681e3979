namespace Pane.Runtime.Native.Virtio;

/// <summary>
/// A request taken from a virtqueue: the head descriptor's index, which goes back in the used ring, and either the
/// chain's buffers or why the chain was refused.
/// </summary>
/// <param name="Head">The index of the head descriptor.</param>
/// <param name="Buffers">The buffers, readable ones first; empty when refused.</param>
/// <param name="Error">Why the chain was refused, or <see langword="null"/> when it is valid.</param>
internal sealed record DescriptorChain(ushort Head, IReadOnlyList<VirtqueueBuffer> Buffers, string? Error)
{
    /// <summary>Gets a value indicating whether the chain is valid.</summary>
    public bool IsValid => Error is null;

    /// <summary>Gets the total length of the readable buffers.</summary>
    public long ReadableLength => Buffers.Where(buffer => !buffer.IsWritable).Sum(buffer => (long)buffer.Length);

    /// <summary>Gets the total length of the writable buffers.</summary>
    public long WritableLength => Buffers.Where(buffer => buffer.IsWritable).Sum(buffer => (long)buffer.Length);
}
