using System.Buffers.Binary;

namespace Pane.Runtime.Native.Interrupts;

/// <summary>
/// The local APIC's register page as KVM exchanges it (<c>struct kvm_lapic_state</c>: 1 KiB, each 32-bit register at
/// its xAPIC MMIO offset). Sets the reset
/// wiring a PC's firmware leaves: LINT0 takes external (8259-style) interrupts and LINT1 the NMI, as the MP table says.
/// </summary>
internal static class LocalApicRegisters
{
    /// <summary>The size of the register page.</summary>
    public const int Size = 1024;

    /// <summary>The offset of the LINT0 local vector table entry.</summary>
    public const int Lint0 = 0x350;

    /// <summary>The offset of the LINT1 local vector table entry.</summary>
    public const int Lint1 = 0x360;

    /// <summary>Delivery mode NMI.</summary>
    public const uint DeliveryModeNmi = 4;

    /// <summary>Delivery mode ExtINT.</summary>
    public const uint DeliveryModeExternal = 7;

    private const uint DeliveryModeMask = 0x700;

    /// <summary>Sets LINT0 to ExtINT and LINT1 to NMI, keeping their other bits.</summary>
    /// <param name="registers">The register page.</param>
    /// <exception cref="ArgumentException">The page is shorter than <see cref="Size"/>.</exception>
    public static void WireLegacyInterrupts(Span<byte> registers)
    {
        if (registers.Length < Size)
        {
            throw new ArgumentException($"A local APIC register page has {Size} bytes.", nameof(registers));
        }

        SetDeliveryMode(registers[Lint0..], DeliveryModeExternal);
        SetDeliveryMode(registers[Lint1..], DeliveryModeNmi);
    }

    private static void SetDeliveryMode(Span<byte> register, uint mode)
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(register);
        BinaryPrimitives.WriteUInt32LittleEndian(register, (value & ~DeliveryModeMask) | (mode << 8));
    }
}
