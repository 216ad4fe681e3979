namespace Pane.Runtime.Native.Interrupts;

/// <summary>
/// A message-signalled interrupt as the x86 local APIC receives it (Intel SDM vol. 3, 11.11): the address selects
/// the destination, the data carries the vector, delivery mode and trigger mode. KVM's <c>KVM_SIGNAL_MSI</c> and
/// WHP's <c>WHvRequestInterrupt</c> both take this shape.
/// </summary>
/// <param name="Address">The message address, <c>0xFEE0_0000</c> with the destination fields.</param>
/// <param name="Data">The message data.</param>
internal readonly record struct MsiMessage(ulong Address, uint Data)
{
    /// <summary>The base of the local APIC's message address window.</summary>
    public const ulong AddressBase = 0xFEE0_0000;

    /// <summary>Gets the vector.</summary>
    public byte Vector => (byte)Data;

    /// <summary>Gets the delivery mode (0 fixed, 1 lowest priority, 2 SMI, 4 NMI, 5 INIT, 7 ExtINT).</summary>
    public int DeliveryMode => (int)(Data >> 8) & 0x7;

    /// <summary>Gets a value indicating whether the interrupt is level-triggered.</summary>
    public bool IsLevelTriggered => (Data & (1u << 15)) != 0;

    /// <summary>Gets the destination APIC id.</summary>
    public byte Destination => (byte)(Address >> 12);

    /// <summary>Gets a value indicating whether the destination is logical rather than physical.</summary>
    public bool IsLogicalDestination => (Address & (1u << 2)) != 0;
}
