using Pane.Runtime.Native.Devices;

namespace Pane.Runtime.Native.Tests.Devices;

public sealed class BusTests
{
    private sealed class Recorder : IBusDevice
    {
        public List<(ulong Offset, byte[] Data)> Writes { get; } = [];

        public void Read(ulong offset, Span<byte> data) => data.Fill((byte)offset);

        public void Write(ulong offset, ReadOnlySpan<byte> data) => Writes.Add((offset, data.ToArray()));
    }

    public sealed class Insert
    {
        [Theory]
        [InlineData(0x1000UL, 0x10UL)]
        [InlineData(0x0FF8UL, 0x10UL)]
        [InlineData(0x100FUL, 1UL)]
        [InlineData(0x0F00UL, 0x1000UL)]
        public void Refuses_a_range_that_overlaps_another_device(ulong start, ulong length)
        {
            // Given
            var bus = new Bus();
            bus.Insert(0x1000, 0x10, new Recorder());

            // When // Then
            Assert.Throws<InvalidOperationException>(() => bus.Insert(start, length, new Recorder()));
        }

        [Fact]
        public void Accepts_adjacent_ranges()
        {
            // Given
            var bus = new Bus();
            bus.Insert(0x1000, 0x10, new Recorder());

            // When
            bus.Insert(0x1010, 0x10, new Recorder());
            bus.Insert(0x0FF0, 0x10, new Recorder());

            // Then
            Assert.True(bus.Read(0x1010, new byte[1]));
        }
    }

    public sealed class ReadAndWrite
    {
        [Fact]
        public void Route_to_the_device_with_the_offset_inside_its_range()
        {
            // Given
            var bus = new Bus();
            var device = new Recorder();
            bus.Insert(0x3F8, 8, device);
            var value = new byte[1];

            // When
            var read = bus.Read(0x3FD, value);
            var written = bus.Write(0x3F8, [0x41]);

            // Then
            Assert.True(read);
            Assert.Equal(5, value[0]);
            Assert.True(written);
            var (offset, data) = Assert.Single(device.Writes);
            Assert.Equal(0UL, offset);
            Assert.Equal([0x41], data);
        }

        [Fact]
        public void An_access_nowhere_or_across_the_end_of_a_device_is_not_handled_and_reads_zero()
        {
            // Given
            var bus = new Bus();
            bus.Insert(0x1000, 4, new Recorder());
            var value = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF };

            // When
            var nowhere = bus.Read(0x2000, value);
            var across = bus.Write(0x1002, new byte[4]);

            // Then
            Assert.False(nowhere);
            Assert.Equal(new byte[4], value);
            Assert.False(across);
        }
    }
}
