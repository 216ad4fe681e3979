using System.Buffers.Binary;
using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class AmlTests
{
    public sealed class PackageLength
    {
        [Theory]
        [InlineData(0, new byte[] { 0x01 })]
        [InlineData(62, new byte[] { 0x3F })]
        [InlineData(63, new byte[] { 0x41, 0x04 })]
        [InlineData(0x123, new byte[] { 0x45, 0x12 })]
        [InlineData(0x1000, new byte[] { 0x83, 0x00, 0x01 })]
        public void Counts_its_own_bytes_and_splits_longer_lengths_into_a_nibble_and_bytes(int content, byte[] expected)
        {
            // Given // When
            var encoded = Aml.PackageLength(content);

            // Then
            Assert.Equal(expected, encoded);
        }
    }

    public sealed class Number
    {
        [Fact]
        public void Uses_zero_byte_and_double_word_forms_by_size()
        {
            // Given // When // Then
            Assert.Equal([0x00], Aml.Number(0));
            Assert.Equal([0x0A, 0x05], Aml.Number(5));
            Assert.Equal([0x0C, 0x00, 0x10, 0x00, 0x00], Aml.Number(0x1000));
        }
    }

    public sealed class VirtioMmioDevice
    {
        [Fact]
        public void Is_a_device_with_the_virtio_MMIO_hardware_ID_a_4_KiB_window_and_an_edge_active_high_interrupt()
        {
            // Given // When
            var device = Aml.VirtioMmioDevice(1, 0xD000_1000, 6);

            // Then
            Assert.Equal([0x5B, 0x82], device[..2]);
            Assert.Equal(device.Length - 2, device[2]);
            Assert.Equal("VR01"u8.ToArray(), device[3..7]);
            var resources = device[^23..];
            Assert.Equal(0x86, resources[0]);
            Assert.Equal(0xD000_1000u, BinaryPrimitives.ReadUInt32LittleEndian(resources.AsSpan(4)));
            Assert.Equal(0x1000u, BinaryPrimitives.ReadUInt32LittleEndian(resources.AsSpan(8)));
            Assert.Equal([0x89, 0x06, 0x00, 0x03, 0x01], resources[12..17]);
            Assert.Equal(6u, BinaryPrimitives.ReadUInt32LittleEndian(resources.AsSpan(17)));
            Assert.Equal([0x79, 0x00], resources[21..]);
        }
    }

    public sealed class SerialPort
    {
        [Fact]
        public void Is_a_PNP0501_device_with_eight_16_bit_decoded_ports_and_an_edge_active_high_interrupt()
        {
            // Given // When
            var device = Aml.SerialPort("COM1", 0, 0x3F8, 4);

            // Then
            Assert.Equal([0x5B, 0x82], device[..2]);
            Assert.Equal("COM1"u8.ToArray(), device[3..7]);
            Assert.Contains("PNP0501", System.Text.Encoding.ASCII.GetString(device), StringComparison.Ordinal);
            Assert.Equal([0x47, 0x01, 0xF8, 0x03, 0xF8, 0x03, 0x01, 0x08, 0x89, 0x06, 0x00, 0x03, 0x01, 0x04, 0x00, 0x00, 0x00, 0x79, 0x00], device[^19..]);
        }
    }

    public sealed class NameString
    {
        [Fact]
        public void Refuses_a_segment_that_is_not_four_characters()
        {
            // Given // When // Then
            Assert.Throws<ArgumentException>(() => Aml.NameString("\\_SB"));
        }
    }
}
