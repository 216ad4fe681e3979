namespace Pane.Runtime.Native.Virtio;

/// <summary>One buffer of a descriptor chain, already checked to lie inside guest memory and to be non-empty.</summary>
/// <param name="Address">The guest-physical address.</param>
/// <param name="Length">The length in bytes.</param>
/// <param name="IsWritable">Whether the device writes it (the driver set VIRTQ_DESC_F_WRITE).</param>
internal readonly record struct VirtqueueBuffer(ulong Address, uint Length, bool IsWritable);
