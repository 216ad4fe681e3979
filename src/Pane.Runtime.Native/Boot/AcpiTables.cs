using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Devices;
using Pane.Runtime.Native.Serial;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// The ACPI tables of a hardware-reduced machine, after the ACPI 6 specification: an RSDP, an XSDT naming a FADT and
/// a MADT, and a DSDT. The MADT lists one local APIC per vCPU, the I/O APIC and LINT1 as NMI; the DSDT declares COM1
/// (a hardware-reduced machine maps no ISA interrupt unless a device names it) and each virtio-MMIO device (<c>LNRO0005</c>, its register window and its interrupt), which is how a kernel built without
/// <c>CONFIG_VIRTIO_MMIO_CMDLINE_DEVICES</c> (Debian's) finds them, and the sleep state S5, through which Linux powers
/// the machine off. The FADT says hardware-reduced (no PM timer, no SCI, no fixed buttons), no VGA, no 8042 and no
/// CMOS clock, so Linux probes none of them, and names the sleep control and status registers.
/// </summary>
internal static class AcpiTables
{
    /// <summary>The size of the RSDP.</summary>
    public const int RsdpSize = 36;

    /// <summary>The size of a system description table's header.</summary>
    public const int HeaderSize = 36;

    /// <summary>The size of the revision 6 FADT.</summary>
    public const int FadtSize = 276;

    /// <summary>The hardware ID Linux's virtio-MMIO driver matches.</summary>
    public const string VirtioMmioHardwareId = "LNRO0005";

#pragma warning disable CS1591 // Field offsets and flags, named after the ACPI specification.
    public const int FadtDsdtField = 40;
    public const int FadtBootArchitectureField = 109;
    public const int FadtFlagsField = 112;
    public const int FadtMinorVersionField = 131;
    public const int FadtSleepControlField = 244;
    public const int FadtSleepStatusField = 256;
    public const int FadtExtendedDsdtField = 140;
    public const int FadtHypervisorVendorField = 268;
    public const uint FadtPowerButtonIsControlMethod = 1u << 4;
    public const uint FadtSleepButtonIsControlMethod = 1u << 5;
    public const uint FadtHardwareReduced = 1u << 20;
    public const ushort BootArchitecture8042 = 1 << 1;
    public const ushort BootArchitectureNoVga = 1 << 2;
    public const ushort BootArchitectureNoCmosClock = 1 << 5;
#pragma warning restore CS1591

    private const string OemId = "PANE  ";
    private const string OemTableId = "PANEVMM ";
    private const int TableAlignment = 16;

    /// <summary>Builds the tables to sit at a guest-physical address, the RSDP first.</summary>
    /// <param name="address">Where the tables go (the RSDP is at this address).</param>
    /// <param name="processors">The number of vCPUs; their APIC IDs are 0 up.</param>
    /// <param name="ioApicAddress">The I/O APIC's address; its ID is the one after the last vCPU's.</param>
    /// <param name="virtioDevices">Each virtio-MMIO device's window address and I/O APIC pin.</param>
    /// <returns>The tables' bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="processors"/> is not 1 to 254.</exception>
    public static byte[] Build(ulong address, int processors, ulong ioApicAddress, IReadOnlyList<(ulong Address, int Pin)> virtioDevices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processors, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(processors, 254);
        ArgumentNullException.ThrowIfNull(virtioDevices);
        var dsdt = Dsdt(virtioDevices);
        var madt = Madt(processors, ioApicAddress);
        var xsdtOffset = Align(RsdpSize);
        var fadtOffset = Align(xsdtOffset + HeaderSize + 16);
        var madtOffset = Align(fadtOffset + FadtSize);
        var dsdtOffset = Align(madtOffset + madt.Length);
        var tables = new byte[dsdtOffset + dsdt.Length];

        var fadt = Fadt(address + (ulong)dsdtOffset);
        var xsdt = Table("XSDT", 1, 16);
        BinaryPrimitives.WriteUInt64LittleEndian(xsdt.AsSpan(HeaderSize), address + (ulong)fadtOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(xsdt.AsSpan(HeaderSize + 8), address + (ulong)madtOffset);
        Seal(xsdt);

        Rsdp(address + (ulong)xsdtOffset).CopyTo(tables, 0);
        xsdt.CopyTo(tables, xsdtOffset);
        fadt.CopyTo(tables, fadtOffset);
        madt.CopyTo(tables, madtOffset);
        dsdt.CopyTo(tables, dsdtOffset);
        return tables;
    }

    /// <summary>Sums bytes modulo 256, as every ACPI checksum does (a valid table sums to zero).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The sum.</returns>
    public static byte Sum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (var value in bytes)
        {
            sum += value;
        }

        return sum;
    }

    private static int Align(int offset) => (offset + TableAlignment - 1) & ~(TableAlignment - 1);

    private static byte[] Rsdp(ulong xsdtAddress)
    {
        var rsdp = new byte[RsdpSize];
        Encoding.ASCII.GetBytes("RSD PTR ").CopyTo(rsdp, 0);
        Encoding.ASCII.GetBytes(OemId).CopyTo(rsdp, 9);
        rsdp[15] = 2;
        BinaryPrimitives.WriteUInt32LittleEndian(rsdp.AsSpan(20), RsdpSize);
        BinaryPrimitives.WriteUInt64LittleEndian(rsdp.AsSpan(24), xsdtAddress);
        rsdp[8] = (byte)(0 - Sum(rsdp.AsSpan(0, 20)));
        rsdp[32] = (byte)(0 - Sum(rsdp));
        return rsdp;
    }

    private static byte[] Fadt(ulong dsdtAddress)
    {
        var fadt = Table("FACP", 6, FadtSize - HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(fadt.AsSpan(FadtDsdtField), (uint)dsdtAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(fadt.AsSpan(FadtBootArchitectureField), BootArchitectureNoVga | BootArchitectureNoCmosClock);
        BinaryPrimitives.WriteUInt32LittleEndian(fadt.AsSpan(FadtFlagsField), FadtHardwareReduced | FadtPowerButtonIsControlMethod | FadtSleepButtonIsControlMethod);
        fadt[FadtMinorVersionField] = 5;
        BinaryPrimitives.WriteUInt64LittleEndian(fadt.AsSpan(FadtExtendedDsdtField), dsdtAddress);
        BytePort(AcpiSleepControl.Port).CopyTo(fadt, FadtSleepControlField);
        BytePort(AcpiSleepControl.Port + 1).CopyTo(fadt, FadtSleepStatusField);
        Encoding.ASCII.GetBytes("PANEVMM ").CopyTo(fadt, FadtHypervisorVendorField);
        Seal(fadt);
        return fadt;
    }

    /// <summary>A generic address structure naming one byte-wide I/O port.</summary>
    private static byte[] BytePort(int port)
    {
        const byte SystemIo = 1;
        const byte ByteAccess = 1;
        var address = new byte[12];
        address[0] = SystemIo;
        address[1] = 8;
        address[3] = ByteAccess;
        BinaryPrimitives.WriteUInt64LittleEndian(address.AsSpan(4), (ulong)port);
        return address;
    }

    private static byte[] Madt(int processors, ulong ioApicAddress)
    {
        const int LocalApicSize = 8;
        const int IoApicSize = 12;
        const int LocalNmiSize = 6;
        var madt = Table("APIC", 5, 8 + (processors * LocalApicSize) + IoApicSize + LocalNmiSize);
        var body = madt.AsSpan(HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(body, (uint)GuestLayout.LocalApic);
        var cursor = 8;
        for (var processor = 0; processor < processors; processor++)
        {
            var entry = body.Slice(cursor, LocalApicSize);
            entry[0] = 0;
            entry[1] = LocalApicSize;
            entry[2] = (byte)processor;
            entry[3] = (byte)processor;
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
            cursor += LocalApicSize;
        }

        var ioApic = body.Slice(cursor, IoApicSize);
        ioApic[0] = 1;
        ioApic[1] = IoApicSize;
        ioApic[2] = (byte)processors;
        BinaryPrimitives.WriteUInt32LittleEndian(ioApic[4..], (uint)ioApicAddress);
        cursor += IoApicSize;

        var nmi = body.Slice(cursor, LocalNmiSize);
        nmi[0] = 4;
        nmi[1] = LocalNmiSize;
        nmi[2] = 0xFF;
        nmi[5] = 1;
        Seal(madt);
        return madt;
    }

    private static byte[] Dsdt(IReadOnlyList<(ulong Address, int Pin)> virtioDevices)
    {
        var devices = new List<byte>(Aml.SerialPort("COM1", 0, Uart16550.Com1Port, Uart16550.Com1Irq));
        for (var index = 0; index < virtioDevices.Count; index++)
        {
            devices.AddRange(Aml.VirtioMmioDevice(index, virtioDevices[index].Address, virtioDevices[index].Pin));
        }

        byte[] body = [.. Aml.Scope("\\_SB_", devices), .. Aml.Name("\\_S5_", Aml.Package([AcpiSleepControl.SoftOffSleepType, 0]))];
        var dsdt = Table("DSDT", 2, body.Length);
        body.CopyTo(dsdt, HeaderSize);
        Seal(dsdt);
        return dsdt;
    }

    private static byte[] Table(string signature, byte revision, int bodySize)
    {
        var table = new byte[HeaderSize + bodySize];
        Encoding.ASCII.GetBytes(signature).CopyTo(table, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4), (uint)table.Length);
        table[8] = revision;
        Encoding.ASCII.GetBytes(OemId).CopyTo(table, 10);
        Encoding.ASCII.GetBytes(OemTableId).CopyTo(table, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(24), 1);
        Encoding.ASCII.GetBytes("PANE").CopyTo(table, 28);
        BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(32), 1);
        return table;
    }

    private static void Seal(byte[] table)
    {
        table[9] = 0;
        table[9] = (byte)(0 - Sum(table));
    }
}
