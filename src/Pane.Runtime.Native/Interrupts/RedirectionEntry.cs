namespace Pane.Runtime.Native.Interrupts;

/// <summary>
/// One 64-bit redirection table entry of the 82093AA I/O APIC (datasheet section 3.2.4), read through named
/// accessors.
/// </summary>
/// <param name="Value">The raw entry.</param>
internal readonly record struct RedirectionEntry(ulong Value)
{
    /// <summary>The bit of the delivery status (read-only).</summary>
    public const ulong DeliveryStatusBit = 1UL << 12;

    /// <summary>The bit of the remote IRR (read-only).</summary>
    public const ulong RemoteIrrBit = 1UL << 14;

    /// <summary>The bit of the trigger mode: set for level, clear for edge.</summary>
    public const ulong LevelTriggerBit = 1UL << 15;

    /// <summary>The bit of the mask.</summary>
    public const ulong MaskBit = 1UL << 16;

    /// <summary>The bits the guest cannot write.</summary>
    public const ulong ReadOnlyBits = DeliveryStatusBit | RemoteIrrBit;

    /// <summary>Gets the vector.</summary>
    public byte Vector => (byte)Value;

    /// <summary>Gets the delivery mode field (bits 8-10).</summary>
    public int DeliveryMode => (int)(Value >> 8) & 0x7;

    /// <summary>Gets a value indicating whether the destination is a logical one.</summary>
    public bool IsLogicalDestination => (Value & (1UL << 11)) != 0;

    /// <summary>Gets a value indicating whether the pin is level-triggered.</summary>
    public bool IsLevelTriggered => (Value & LevelTriggerBit) != 0;

    /// <summary>Gets a value indicating whether the pin is masked.</summary>
    public bool IsMasked => (Value & MaskBit) != 0;

    /// <summary>Gets a value indicating whether a level interrupt was accepted and awaits its EOI.</summary>
    public bool RemoteIrr => (Value & RemoteIrrBit) != 0;

    /// <summary>Gets the destination field (bits 56-63).</summary>
    public byte Destination => (byte)(Value >> 56);

    /// <summary>Builds the message the local APICs receive for this entry.</summary>
    /// <returns>The message.</returns>
    public MsiMessage ToMessage()
    {
        var address = MsiMessage.AddressBase | ((ulong)Destination << 12) | (IsLogicalDestination ? 1UL << 2 : 0);
        var data = Vector | ((uint)DeliveryMode << 8) | (IsLevelTriggered ? (1u << 15) | (1u << 14) : 0);
        return new MsiMessage(address, data);
    }
}
