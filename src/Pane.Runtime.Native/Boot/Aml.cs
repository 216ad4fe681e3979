using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// The few ACPI Machine Language encodings (ACPI 6, chapter 20) the DSDT needs: a scope, a device with named
/// objects, strings, integers, buffers, package lengths, and the resource descriptors of a memory window and an
/// interrupt.
/// </summary>
internal static class Aml
{
#pragma warning disable CS1591 // Opcodes and resource tags, named after the ACPI specification.
    public const byte ZeroOp = 0x00;
    public const byte NameOp = 0x08;
    public const byte BytePrefix = 0x0A;
    public const byte DWordPrefix = 0x0C;
    public const byte StringPrefix = 0x0D;
    public const byte ScopeOp = 0x10;
    public const byte BufferOp = 0x11;
    public const byte PackageOp = 0x12;
    public const byte ExtendedOpPrefix = 0x5B;
    public const byte DeviceOp = 0x82;
    public const byte RootChar = 0x5C;
    public const byte IoPortTag = 0x47;
    public const byte Memory32FixedTag = 0x86;
    public const byte ExtendedInterruptTag = 0x89;
    public const byte EndTag = 0x79;
#pragma warning restore CS1591

    /// <summary>Encodes a package length: the length of what follows it plus its own one to four bytes.</summary>
    /// <param name="contentLength">The length of the package's content.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The content is 256 MiB or more.</exception>
    public static byte[] PackageLength(int contentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contentLength);
        if (contentLength + 1 < 0x40)
        {
            return [(byte)(contentLength + 1)];
        }

        for (var extra = 1; extra <= 3; extra++)
        {
            var total = contentLength + 1 + extra;
            if (total < 1 << (4 + (8 * extra)))
            {
                var encoded = new byte[1 + extra];
                encoded[0] = (byte)((extra << 6) | (total & 0x0F));
                for (var index = 1; index <= extra; index++)
                {
                    encoded[index] = (byte)(total >> (4 + (8 * (index - 1))));
                }

                return encoded;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(contentLength), contentLength, "An AML package holds less than 256 MiB.");
    }

    /// <summary>Encodes <c>Scope(name) { content }</c>.</summary>
    /// <param name="name">A name path such as <c>\_SB_</c>.</param>
    /// <param name="content">The scope's terms.</param>
    /// <returns>The encoding.</returns>
    public static byte[] Scope(string name, IReadOnlyCollection<byte> content) => Package([ScopeOp], [.. NameString(name), .. content]);

    /// <summary>Encodes a virtio-MMIO device: its hardware ID, unique ID and resources (the 4 KiB window and an edge-triggered, active-high interrupt).</summary>
    /// <param name="index">The device's index, its unique ID.</param>
    /// <param name="address">The window's guest-physical address.</param>
    /// <param name="pin">The I/O APIC pin (global system interrupt).</param>
    /// <returns>The encoding of the <c>Device</c>.</returns>
    public static byte[] VirtioMmioDevice(int index, ulong address, int pin)
    {
        var resources = new byte[12 + 9 + 2];
        resources[0] = Memory32FixedTag;
        resources[1] = 9;
        resources[3] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(resources.AsSpan(4), (uint)address);
        BinaryPrimitives.WriteUInt32LittleEndian(resources.AsSpan(8), 0x1000);
        EdgeInterrupt(pin).CopyTo(resources, 12);
        resources[21] = EndTag;
        byte[] body =
        [
            .. NameString(string.Create(CultureInfo.InvariantCulture, $"VR{index:X2}")),
            .. Name("_HID", Text(AcpiTables.VirtioMmioHardwareId)),
            .. Name("_UID", Number((uint)index)),
            .. Name("_CRS", Buffer(resources)),
        ];
        return Package([ExtendedOpPrefix, DeviceOp], body);
    }

    /// <summary>
    /// Encodes a 16550 serial port (<c>PNP0501</c>) with its eight I/O ports and an edge-triggered, active-high
    /// interrupt. A hardware-reduced machine has no legacy PIC, so Linux maps no ISA interrupt by default: the port's
    /// interrupt reaches the I/O APIC only when a device like this one names it.
    /// </summary>
    /// <param name="name">The device's four-character name, such as <c>COM1</c>.</param>
    /// <param name="index">Its unique ID.</param>
    /// <param name="port">Its first I/O port.</param>
    /// <param name="pin">The I/O APIC pin (global system interrupt).</param>
    /// <returns>The encoding of the <c>Device</c>.</returns>
    public static byte[] SerialPort(string name, int index, ushort port, int pin)
    {
        var resources = new byte[8 + 9 + 2];
        resources[0] = IoPortTag;
        resources[1] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(resources.AsSpan(2), port);
        BinaryPrimitives.WriteUInt16LittleEndian(resources.AsSpan(4), port);
        resources[6] = 1;
        resources[7] = 8;
        EdgeInterrupt(pin).CopyTo(resources, 8);
        resources[17] = EndTag;
        byte[] body =
        [
            .. NameString(name),
            .. Name("_HID", Text("PNP0501")),
            .. Name("_UID", Number((uint)index)),
            .. Name("_CRS", Buffer(resources)),
        ];
        return Package([ExtendedOpPrefix, DeviceOp], body);
    }

    /// <summary>Encodes <c>Name(name, value)</c>.</summary>
    /// <param name="name">A four-character name.</param>
    /// <param name="value">The encoded value.</param>
    /// <returns>The encoding.</returns>
    public static byte[] Name(string name, byte[] value) => [NameOp, .. NameString(name), .. value];

    /// <summary>Encodes a string.</summary>
    /// <param name="value">ASCII text.</param>
    /// <returns>The encoding.</returns>
    public static byte[] Text(string value) => [StringPrefix, .. Encoding.ASCII.GetBytes(value), 0];

    /// <summary>Encodes an integer in its shortest form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The encoding.</returns>
    public static byte[] Number(uint value)
    {
        if (value == 0)
        {
            return [ZeroOp];
        }

        if (value <= byte.MaxValue)
        {
            return [BytePrefix, (byte)value];
        }

        var encoded = new byte[5];
        encoded[0] = DWordPrefix;
        BinaryPrimitives.WriteUInt32LittleEndian(encoded.AsSpan(1), value);
        return encoded;
    }

    /// <summary>Encodes <c>Buffer(size) { bytes }</c>.</summary>
    /// <param name="bytes">The buffer's bytes.</param>
    /// <returns>The encoding.</returns>
    public static byte[] Buffer(byte[] bytes) => Package([BufferOp], [.. Number((uint)bytes.Length), .. bytes]);

    /// <summary>Encodes <c>Package() { numbers }</c>.</summary>
    /// <param name="numbers">The package's elements, each an integer.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The package has more than 255 elements.</exception>
    public static byte[] Package(IReadOnlyList<uint> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numbers.Count, byte.MaxValue);
        return Package([PackageOp], [(byte)numbers.Count, .. numbers.SelectMany(Number)]);
    }

    /// <summary>Encodes a name path: an optional root prefix and one four-character segment.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException">The segment is not four characters long.</exception>
    public static byte[] NameString(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var segment = name.TrimStart('\\');
        if (segment.Length != 4)
        {
            throw new ArgumentException($"An AML name segment has four characters, not '{segment}'.", nameof(name));
        }

        var bytes = Encoding.ASCII.GetBytes(segment);
        return name.StartsWith('\\') ? [RootChar, .. bytes] : bytes;
    }

    /// <summary>The extended interrupt descriptor of one edge-triggered, active-high, exclusive interrupt a device consumes.</summary>
    private static byte[] EdgeInterrupt(int pin)
    {
        var descriptor = new byte[9];
        descriptor[0] = ExtendedInterruptTag;
        descriptor[1] = 6;
        descriptor[3] = 0x03;
        descriptor[4] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(5), (uint)pin);
        return descriptor;
    }

    private static byte[] Package(byte[] opcode, byte[] content) => [.. opcode, .. PackageLength(content.Length), .. content];
}
