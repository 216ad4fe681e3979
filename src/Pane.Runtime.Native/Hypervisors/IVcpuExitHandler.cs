namespace Pane.Runtime.Native.Hypervisors;

/// <summary>The device side of a vCPU: what a backend calls for each exit it decodes. Never blocks, never throws for guest behaviour.</summary>
internal interface IVcpuExitHandler
{
    /// <summary>Handles an <c>in</c> instruction.</summary>
    /// <param name="port">The port.</param>
    /// <param name="data">Where to put the value; its length is the access size.</param>
    void PortRead(ushort port, Span<byte> data);

    /// <summary>Handles an <c>out</c> instruction.</summary>
    /// <param name="port">The port.</param>
    /// <param name="data">The value; its length is the access size.</param>
    void PortWrite(ushort port, ReadOnlySpan<byte> data);

    /// <summary>Handles a load from an address that is not RAM.</summary>
    /// <param name="address">The guest-physical address.</param>
    /// <param name="data">Where to put the value.</param>
    void MmioRead(ulong address, Span<byte> data);

    /// <summary>Handles a store to an address that is not RAM.</summary>
    /// <param name="address">The guest-physical address.</param>
    /// <param name="data">The value.</param>
    void MmioWrite(ulong address, ReadOnlySpan<byte> data);

    /// <summary>Handles the local APIC's end-of-interrupt for a vector the I/O APIC delivered level-triggered.</summary>
    /// <param name="vector">The vector.</param>
    void EndOfInterrupt(byte vector);
}
