using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class AcpiTablesTests
{
    private const ulong Base = 0xE_0000;

    private static readonly (ulong Address, int Pin)[] s_devices = [(0xD000_0000, 5), (0xD000_1000, 6)];

    /// <summary>Finds a table the XSDT or FADT points at, by its guest-physical address.</summary>
    private static ReadOnlySpan<byte> TableAt(byte[] tables, ulong address)
    {
        var offset = (int)(address - Base);
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(tables.AsSpan(offset + 4));
        return tables.AsSpan(offset, length);
    }

    private static (byte[] Tables, ReadOnlyMemory<byte> Xsdt) Tables(int processors = 2)
    {
        var tables = AcpiTables.Build(Base, processors, 0xFEC0_0000, s_devices);
        var xsdt = BinaryPrimitives.ReadUInt64LittleEndian(tables.AsSpan(24));
        var offset = (int)(xsdt - Base);
        return (tables, tables.AsMemory(offset, (int)BinaryPrimitives.ReadUInt32LittleEndian(tables.AsSpan(offset + 4))));
    }

    public sealed class Build
    {
        [Fact]
        public void Starts_with_an_RSDP_whose_both_checksums_hold_and_that_names_the_XSDT()
        {
            // Given // When
            var (tables, xsdt) = AcpiTablesTests.Tables();

            // Then
            Assert.Equal("RSD PTR ", Encoding.ASCII.GetString(tables, 0, 8));
            Assert.Equal(2, tables[15]);
            Assert.Equal(0, AcpiTables.Sum(tables.AsSpan(0, 20)));
            Assert.Equal(0, AcpiTables.Sum(tables.AsSpan(0, AcpiTables.RsdpSize)));
            Assert.Equal("XSDT", Encoding.ASCII.GetString(xsdt.Span[..4]));
        }

        [Fact]
        public void Every_table_sums_to_zero_and_the_XSDT_names_the_FADT_and_MADT_and_the_FADT_the_DSDT()
        {
            // Given // When
            var (tables, xsdt) = AcpiTablesTests.Tables();

            // Then
            Assert.Equal(0, AcpiTables.Sum(xsdt.Span));
            var fadt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(xsdt.Span[36..]));
            var madt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(xsdt.Span[44..]));
            Assert.Equal("FACP", Encoding.ASCII.GetString(fadt[..4]));
            Assert.Equal("APIC", Encoding.ASCII.GetString(madt[..4]));
            var dsdt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(fadt[AcpiTables.FadtExtendedDsdtField..]));
            Assert.Equal("DSDT", Encoding.ASCII.GetString(dsdt[..4]));
            Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(fadt[AcpiTables.FadtDsdtField..]), BinaryPrimitives.ReadUInt64LittleEndian(fadt[AcpiTables.FadtExtendedDsdtField..]));
            Assert.Equal(0, AcpiTables.Sum(fadt));
            Assert.Equal(0, AcpiTables.Sum(madt));
            Assert.Equal(0, AcpiTables.Sum(dsdt));
        }

        [Fact]
        public void The_FADT_is_a_revision_6_hardware_reduced_one_without_VGA_CMOS_clock_or_i8042()
        {
            // Given
            var (tables, xsdt) = AcpiTablesTests.Tables();

            // When
            var fadt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(xsdt.Span[36..]));

            // Then
            Assert.Equal(AcpiTables.FadtSize, fadt.Length);
            Assert.Equal(6, fadt[8]);
            Assert.NotEqual(0u, BinaryPrimitives.ReadUInt32LittleEndian(fadt[AcpiTables.FadtFlagsField..]) & AcpiTables.FadtHardwareReduced);
            var bootArchitecture = BinaryPrimitives.ReadUInt16LittleEndian(fadt[AcpiTables.FadtBootArchitectureField..]);
            Assert.Equal(AcpiTables.BootArchitectureNoVga | AcpiTables.BootArchitectureNoCmosClock, bootArchitecture);
            Assert.Equal(0, bootArchitecture & AcpiTables.BootArchitecture8042);
        }

        [Fact]
        public void The_MADT_lists_a_local_APIC_per_vCPU_the_IO_APIC_after_them_and_LINT1_as_NMI()
        {
            // Given
            var (tables, xsdt) = AcpiTablesTests.Tables(processors: 3);

            // When
            var madt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(xsdt.Span[44..]));

            // Then
            Assert.Equal(0xFEE0_0000u, BinaryPrimitives.ReadUInt32LittleEndian(madt[36..]));
            var entries = new List<(byte Type, byte[] Bytes)>();
            for (var cursor = 44; cursor < madt.Length; cursor += madt[cursor + 1])
            {
                entries.Add((madt[cursor], madt.Slice(cursor, madt[cursor + 1]).ToArray()));
            }

            Assert.Equal([0, 0, 0, 1, 4], entries.Select(entry => entry.Type));
            Assert.Equal([0, 1, 2], entries.Take(3).Select(entry => entry.Bytes[3]));
            Assert.All(entries.Take(3), entry => Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(entry.Bytes.AsSpan(4))));
            Assert.Equal(3, entries[3].Bytes[2]);
            Assert.Equal(0xFEC0_0000u, BinaryPrimitives.ReadUInt32LittleEndian(entries[3].Bytes.AsSpan(4)));
            Assert.Equal(1, entries[4].Bytes[5]);
        }

        [Fact]
        public void The_DSDT_declares_COM1_then_each_virtio_MMIO_device_with_its_window_and_pin_then_the_S5_sleep_state()
        {
            // Given
            var (tables, xsdt) = AcpiTablesTests.Tables();
            var fadt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(xsdt.Span[36..]));

            // When
            var dsdt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(fadt[AcpiTables.FadtExtendedDsdtField..])).ToArray();

            // Then
            byte[] softOff = [0x08, 0x5C, .. "_S5_"u8.ToArray(), 0x12, 0x05, 0x02, 0x0A, 0x05, 0x00];
            Assert.Equal(softOff, dsdt[^softOff.Length..]);
            byte[] devices = [.. Aml.VirtioMmioDevice(0, 0xD000_0000, 5), .. Aml.VirtioMmioDevice(1, 0xD000_1000, 6)];
            Assert.Equal(devices, dsdt[^(devices.Length + softOff.Length)..^softOff.Length]);
            var com1 = Aml.SerialPort("COM1", 0, 0x3F8, 4);
            Assert.Equal([0x10, .. Aml.PackageLength(5 + com1.Length + devices.Length), 0x5C, .. "_SB_"u8.ToArray(), .. com1], dsdt[36..^(devices.Length + softOff.Length)]);
            var text = Encoding.ASCII.GetString(dsdt);
            Assert.Equal(2, text.Split(AcpiTables.VirtioMmioHardwareId).Length - 1);
        }

        [Fact]
        public void The_FADT_names_byte_wide_sleep_control_and_status_ports()
        {
            // Given
            var (tables, xsdt) = AcpiTablesTests.Tables();

            // When
            var fadt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(xsdt.Span[36..]));

            // Then
            Assert.Equal([1, 8, 0, 1, 0x00, 0x06, 0, 0, 0, 0, 0, 0], fadt.Slice(AcpiTables.FadtSleepControlField, 12).ToArray());
            Assert.Equal([1, 8, 0, 1, 0x01, 0x06, 0, 0, 0, 0, 0, 0], fadt.Slice(AcpiTables.FadtSleepStatusField, 12).ToArray());
        }

        [Fact]
        public async Task Reads_back_through_the_ACPICA_disassembler_as_the_machine_it_describes()
        {
            // Given
            var (tables, xsdt) = AcpiTablesTests.Tables();
            var fadt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(xsdt.Span[36..])).ToArray();
            var dsdt = TableAt(tables, BinaryPrimitives.ReadUInt64LittleEndian(fadt.AsSpan(AcpiTables.FadtExtendedDsdtField))).ToArray();
            var folder = Directory.CreateTempSubdirectory("pane-acpi-").FullName;
            try
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, "dsdt.dat"), dsdt, TestContext.Current.CancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(folder, "facp.dat"), fadt, TestContext.Current.CancellationToken);

                // When
                var dsdtSource = await DisassembleAsync(folder, "dsdt");
                var fadtSource = await DisassembleAsync(folder, "facp");

                // Then
                Assert.Contains("Name (\\_S5, Package (0x02)", dsdtSource, StringComparison.Ordinal);
                Assert.Contains("Device (COM1)", dsdtSource, StringComparison.Ordinal);
                Assert.Contains("Device (VR01)", dsdtSource, StringComparison.Ordinal);
                Assert.Contains("\"LNRO0005\"", dsdtSource, StringComparison.Ordinal);
                Assert.Matches(@"Sleep Control Register[\s\S]*?Address : 0000000000000600", fadtSource);
                Assert.Matches(@"Sleep Status Register[\s\S]*?Address : 0000000000000601", fadtSource);
                Assert.Matches(@"Hardware Reduced \(V5\) : 1", fadtSource);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>Disassembles a table with iasl, ACPICA's compiler (acpica-tools), and returns its ASL.</summary>
        private static async Task<string> DisassembleAsync(string folder, string table)
        {
            var start = new System.Diagnostics.ProcessStartInfo("iasl", ["-d", $"{table}.dat"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var iasl = System.Diagnostics.Process.Start(start)!;
            var output = await iasl.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = await iasl.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await iasl.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(iasl.ExitCode == 0, $"iasl -d {table}.dat failed:\n{output}\n{error}");
            return await File.ReadAllTextAsync(Path.Combine(folder, $"{table}.dsl"), TestContext.Current.CancellationToken);
        }

        [Fact]
        public void Refuses_a_machine_without_processors()
        {
            // Given // When // Then
            Assert.Throws<ArgumentOutOfRangeException>(() => AcpiTables.Build(Base, 0, 0xFEC0_0000, s_devices));
        }
    }
}
