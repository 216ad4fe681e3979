namespace Pane.Runtime.Native.Memory;

/// <summary>
/// The guest named memory outside its RAM (a descriptor, a buffer, a ring). Devices catch it and treat the request
/// as the guest's error; it never escapes to the VMM's loop.
/// </summary>
internal sealed class GuestMemoryFaultException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GuestMemoryFaultException"/> class.</summary>
    /// <param name="address">The guest-physical address asked for.</param>
    /// <param name="length">The number of bytes asked for.</param>
    /// <param name="size">The size of guest memory.</param>
    public GuestMemoryFaultException(ulong address, ulong length, ulong size)
        : base($"The guest asked for {length} bytes at 0x{address:x}, outside its 0x{size:x} bytes of memory.")
    {
        Address = address;
        Length = length;
    }

    /// <summary>Gets the guest-physical address asked for.</summary>
    public ulong Address { get; }

    /// <summary>Gets the number of bytes asked for.</summary>
    public ulong Length { get; }
}
