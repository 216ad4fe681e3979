using System.Buffers.Binary;
using System.Text;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// The MultiProcessor Specification 1.4 tables (chapter 4) that tell a guest booted with <c>acpi=off</c> where its
/// local APICs and I/O APIC are and how ISA interrupts reach the I/O APIC's pins: a 16-byte floating pointer
/// structure followed by the configuration table (processor, bus, I/O APIC, I/O interrupt and local interrupt
/// entries), each with its checksum.
/// </summary>
internal static class MpTable
{
    /// <summary>Where Pane places the tables: the last KiB of base memory, which Linux scans.</summary>
    public const ulong DefaultAddress = 0x9_FC00;

    /// <summary>The size of the floating pointer structure.</summary>
    public const int FloatingPointerSize = 16;

    /// <summary>The size of the configuration table header.</summary>
    public const int HeaderSize = 44;

    /// <summary>The size of a processor entry.</summary>
    public const int ProcessorEntrySize = 20;

    /// <summary>The size of every other entry.</summary>
    public const int EntrySize = 8;

    /// <summary>The specification revision written (1.4).</summary>
    public const byte SpecificationRevision = 4;

    /// <summary>The local APIC version reported for each processor.</summary>
    public const byte LocalApicVersion = 0x14;

    /// <summary>The bus id of the one ISA bus.</summary>
    public const byte IsaBusId = 0;

    private const byte ProcessorType = 0;
    private const byte BusType = 1;
    private const byte IoApicType = 2;
    private const byte IoInterruptType = 3;
    private const byte LocalInterruptType = 4;
    private const byte InterruptInt = 0;
    private const byte InterruptNmi = 1;
    private const byte InterruptExtInt = 3;
    private const ulong LocalApicAddress = 0xFEE0_0000;

    /// <summary>Gets the size of the tables for a number of processors.</summary>
    /// <param name="processors">The number of processors.</param>
    /// <param name="pins">The number of I/O APIC pins routed.</param>
    /// <returns>The size in bytes.</returns>
    public static int SizeFor(int processors, int pins) =>
        FloatingPointerSize + HeaderSize + (processors * ProcessorEntrySize) + ((1 + 1 + pins + 2) * EntrySize);

    /// <summary>Builds the tables as they are placed at <paramref name="address"/>.</summary>
    /// <param name="address">The guest-physical address of the floating pointer; the configuration table follows it.</param>
    /// <param name="processors">The number of processors, 1 to 254; APIC ids 0 upwards, the first is the bootstrap one.</param>
    /// <param name="ioApicId">The I/O APIC's id, above every processor's.</param>
    /// <param name="ioApicAddress">The I/O APIC's guest-physical address.</param>
    /// <param name="pins">The number of pins: ISA interrupt n is routed to pin n, edge-triggered and active high.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static byte[] Build(ulong address, int processors, byte ioApicId, ulong ioApicAddress, int pins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processors, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(processors, 254);
        ArgumentOutOfRangeException.ThrowIfLessThan(ioApicId, (byte)processors);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, uint.MaxValue - (ulong)SizeFor(processors, pins));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ioApicAddress, uint.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(pins);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pins, 256);

        var bytes = new byte[SizeFor(processors, pins)];
        var table = bytes.AsSpan(FloatingPointerSize);
        var cursor = HeaderSize;
        for (var processor = 0; processor < processors; processor++)
        {
            var entry = table.Slice(cursor, ProcessorEntrySize);
            entry[0] = ProcessorType;
            entry[1] = (byte)processor;
            entry[2] = LocalApicVersion;
            entry[3] = (byte)(processor == 0 ? 0b11 : 0b01);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 0x0006_0F00);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], 0x0000_0201);
            cursor += ProcessorEntrySize;
        }

        var bus = table.Slice(cursor, EntrySize);
        bus[0] = BusType;
        bus[1] = IsaBusId;
        Encoding.ASCII.GetBytes("ISA   ", bus[2..]);
        cursor += EntrySize;

        var ioApic = table.Slice(cursor, EntrySize);
        ioApic[0] = IoApicType;
        ioApic[1] = ioApicId;
        ioApic[2] = 0x11;
        ioApic[3] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(ioApic[4..], (uint)ioApicAddress);
        cursor += EntrySize;

        for (var pin = 0; pin < pins; pin++)
        {
            WriteInterrupt(table.Slice(cursor, EntrySize), IoInterruptType, InterruptInt, (byte)pin, ioApicId, (byte)pin);
            cursor += EntrySize;
        }

        WriteInterrupt(table.Slice(cursor, EntrySize), LocalInterruptType, InterruptExtInt, 0, 0xFF, 0);
        cursor += EntrySize;
        WriteInterrupt(table.Slice(cursor, EntrySize), LocalInterruptType, InterruptNmi, 0, 0xFF, 1);
        cursor += EntrySize;

        Encoding.ASCII.GetBytes("PCMP", table);
        BinaryPrimitives.WriteUInt16LittleEndian(table[4..], (ushort)cursor);
        table[6] = SpecificationRevision;
        Encoding.ASCII.GetBytes("PANE    ", table[8..]);
        Encoding.ASCII.GetBytes("PANE VMM    ", table[16..]);
        BinaryPrimitives.WriteUInt16LittleEndian(table[34..], (ushort)(processors + 2 + pins + 2));
        BinaryPrimitives.WriteUInt32LittleEndian(table[36..], (uint)LocalApicAddress);
        table[7] = Checksum(table[..cursor]);

        var pointer = bytes.AsSpan(0, FloatingPointerSize);
        Encoding.ASCII.GetBytes("_MP_", pointer);
        BinaryPrimitives.WriteUInt32LittleEndian(pointer[4..], (uint)(address + FloatingPointerSize));
        pointer[8] = 1;
        pointer[9] = SpecificationRevision;
        pointer[10] = Checksum(pointer);
        return bytes;
    }

    /// <summary>Computes the byte that makes a structure's bytes sum to zero, given its checksum byte is zero.</summary>
    /// <param name="bytes">The structure.</param>
    /// <returns>The checksum byte.</returns>
    public static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (var value in bytes)
        {
            sum += value;
        }

        return (byte)(0 - sum);
    }

    private static void WriteInterrupt(Span<byte> entry, byte entryType, byte interruptType, byte sourceIrq, byte destinationId, byte destinationPin)
    {
        entry[0] = entryType;
        entry[1] = interruptType;
        BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 0);
        entry[4] = IsaBusId;
        entry[5] = sourceIrq;
        entry[6] = destinationId;
        entry[7] = destinationPin;
    }
}
