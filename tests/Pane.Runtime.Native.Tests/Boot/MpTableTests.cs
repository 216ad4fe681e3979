using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class MpTableTests
{
    private static byte Sum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (var value in bytes)
        {
            sum += value;
        }

        return sum;
    }

    public sealed class Build
    {
        [Fact]
        public void The_floating_pointer_is_signed_checksummed_and_points_at_the_table_after_it()
        {
            // Given // When
            var bytes = MpTable.Build(MpTable.DefaultAddress, 1, 1, 0xFEC0_0000, 24);

            // Then
            Assert.Equal("_MP_", Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal((uint)MpTable.DefaultAddress + 16, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
            Assert.Equal(1, bytes[8]);
            Assert.Equal(4, bytes[9]);
            Assert.Equal(0, bytes[11]);
            Assert.Equal(0, Sum(bytes.AsSpan(0, 16)));
        }

        [Fact]
        public void The_configuration_table_is_checksummed_and_counts_its_entries()
        {
            // Given // When
            var bytes = MpTable.Build(MpTable.DefaultAddress, 2, 2, 0xFEC0_0000, 24);

            // Then
            var table = bytes.AsSpan(16);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(table[4..]);
            Assert.Equal("PCMP", Encoding.ASCII.GetString(table[..4]));
            Assert.Equal(bytes.Length - 16, length);
            Assert.Equal(0, Sum(table[..length]));
            Assert.Equal(2 + 1 + 1 + 24 + 2, BinaryPrimitives.ReadUInt16LittleEndian(table[34..]));
            Assert.Equal(0xFEE0_0000u, BinaryPrimitives.ReadUInt32LittleEndian(table[36..]));
        }

        [Fact]
        public void Lists_the_processors_with_the_first_as_bootstrap_then_the_ISA_bus_and_the_IO_APIC()
        {
            // Given // When
            var bytes = MpTable.Build(MpTable.DefaultAddress, 2, 2, 0xFEC0_0000, 24);

            // Then
            var entries = bytes.AsSpan(16 + MpTable.HeaderSize);
            Assert.Equal(new byte[] { 0, 0, MpTable.LocalApicVersion, 0b11 }, entries[..4].ToArray());
            Assert.Equal(new byte[] { 0, 1, MpTable.LocalApicVersion, 0b01 }, entries[20..24].ToArray());
            var bus = entries[40..48];
            Assert.Equal(1, bus[0]);
            Assert.Equal("ISA   ", Encoding.ASCII.GetString(bus[2..8]));
            var ioApic = entries[48..56];
            Assert.Equal(new byte[] { 2, 2, 0x11, 1 }, ioApic[..4].ToArray());
            Assert.Equal(0xFEC0_0000u, BinaryPrimitives.ReadUInt32LittleEndian(ioApic[4..]));
        }

        [Fact]
        public void Routes_each_ISA_interrupt_to_the_pin_of_its_number_then_lists_the_local_interrupts()
        {
            // Given // When
            var bytes = MpTable.Build(MpTable.DefaultAddress, 1, 1, 0xFEC0_0000, 24);

            // Then
            var interrupts = bytes.AsSpan(16 + MpTable.HeaderSize + 20 + 16);
            for (var pin = 0; pin < 24; pin++)
            {
                var entry = interrupts.Slice(pin * 8, 8);
                Assert.Equal(new byte[] { 3, 0, 0, 0, 0, (byte)pin, 1, (byte)pin }, entry.ToArray());
            }

            Assert.Equal(new byte[] { 4, 3, 0, 0, 0, 0, 0xFF, 0 }, interrupts.Slice(24 * 8, 8).ToArray());
            Assert.Equal(new byte[] { 4, 1, 0, 0, 0, 0, 0xFF, 1 }, interrupts.Slice(25 * 8, 8).ToArray());
        }

        [Fact]
        public void Refuses_an_IO_APIC_id_that_clashes_with_a_processor()
        {
            // Given // When // Then
            Assert.Throws<ArgumentOutOfRangeException>(() => MpTable.Build(MpTable.DefaultAddress, 2, 1, 0xFEC0_0000, 24));
        }
    }
}
