namespace Pane.Runtime.Native.Devices;

/// <summary>A device on an MMIO or port I/O bus: the guest's loads and stores to its range arrive here.</summary>
/// <remarks>A device never throws for what the guest does: a bad access is ignored, and a read of it returns zeros.</remarks>
internal interface IBusDevice
{
    /// <summary>Handles a guest load.</summary>
    /// <param name="offset">The offset of the access from the start of the device's range.</param>
    /// <param name="data">Where to put the value; its length is the access size.</param>
    void Read(ulong offset, Span<byte> data);

    /// <summary>Handles a guest store.</summary>
    /// <param name="offset">The offset of the access from the start of the device's range.</param>
    /// <param name="data">The value stored; its length is the access size.</param>
    void Write(ulong offset, ReadOnlySpan<byte> data);
}
