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
    public const byte ExtendedOpPrefix = 0x5B;
    public const byte DeviceOp = 0x82;
    public const byte RootChar = 0x5C;
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
        resources[12] = ExtendedInterruptTag;
        resources[13] = 6;
        resources[15] = 0x03;
        resources[16] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(resources.AsSpan(17), (uint)pin);
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

    private static byte[] Package(byte[] opcode, byte[] content) => [.. opcode, .. PackageLength(content.Length), .. content];
}
