using System.Buffers.Binary;
using Pane.Runtime.Native.Interrupts;

namespace Pane.Runtime.Native.Tests.Interrupts;

public sealed class IoApicTests
{
    private const ulong Level = 1UL << 15;
    private const ulong Masked = 1UL << 16;

    private sealed class RecordingSink : IMsiSink
    {
        public List<MsiMessage> Messages { get; } = [];

        public void Deliver(MsiMessage message) => Messages.Add(message);
    }

    private static uint ReadRegister(IoApic ioApic, uint index)
    {
        var data = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, index);
        ioApic.Write(IoApic.RegisterSelectOffset, data);
        ioApic.Read(IoApic.WindowOffset, data);
        return BinaryPrimitives.ReadUInt32LittleEndian(data);
    }

    private static void WriteRegister(IoApic ioApic, uint index, uint value)
    {
        var data = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, index);
        ioApic.Write(IoApic.RegisterSelectOffset, data);
        BinaryPrimitives.WriteUInt32LittleEndian(data, value);
        ioApic.Write(IoApic.WindowOffset, data);
    }

    private static void WriteEntry(IoApic ioApic, int pin, ulong entry)
    {
        WriteRegister(ioApic, IoApic.RedirectionTableBase + (2 * (uint)pin) + 1, (uint)(entry >> 32));
        WriteRegister(ioApic, IoApic.RedirectionTableBase + (2 * (uint)pin), (uint)entry);
    }

    private static ulong ReadEntry(IoApic ioApic, int pin) =>
        ReadRegister(ioApic, IoApic.RedirectionTableBase + (2 * (uint)pin))
        | ((ulong)ReadRegister(ioApic, IoApic.RedirectionTableBase + (2 * (uint)pin) + 1) << 32);

    public sealed class Registers
    {
        [Fact]
        public void The_version_register_reports_version_0x11_and_24_pins()
        {
            // Given
            var ioApic = new IoApic(new RecordingSink());

            // When
            var version = ReadRegister(ioApic, IoApic.VersionRegister);

            // Then
            Assert.Equal(0x11u, version & 0xFF);
            Assert.Equal(23u, (version >> 16) & 0xFF);
        }

        [Fact]
        public void Every_pin_starts_masked()
        {
            // Given
            var ioApic = new IoApic(new RecordingSink());

            // When
            var entries = Enumerable.Range(0, IoApic.PinCount).Select(pin => ReadEntry(ioApic, pin)).ToList();

            // Then
            Assert.All(entries, entry => Assert.Equal(Masked, entry));
        }

        [Fact]
        public void The_id_register_keeps_only_its_id_bits()
        {
            // Given
            var ioApic = new IoApic(new RecordingSink());

            // When
            WriteRegister(ioApic, IoApic.IdRegister, 0xFFFF_FFFF);

            // Then
            Assert.Equal(0x0F00_0000u, ReadRegister(ioApic, IoApic.IdRegister));
        }

        [Fact]
        public void Remote_irr_is_read_only()
        {
            // Given
            var ioApic = new IoApic(new RecordingSink());

            // When
            WriteEntry(ioApic, 3, Level | RedirectionEntry.RemoteIrrBit | RedirectionEntry.DeliveryStatusBit | 0x40);

            // Then
            Assert.Equal(Level | 0x40, ReadEntry(ioApic, 3));
        }

        [Fact]
        public void Registers_beyond_the_table_read_zero_and_ignore_writes()
        {
            // Given
            var ioApic = new IoApic(new RecordingSink());

            // When
            WriteRegister(ioApic, 0x40, 0x1234);

            // Then
            Assert.Equal(0u, ReadRegister(ioApic, 0x40));
        }

        [Fact]
        public void Accesses_that_are_not_32_bits_wide_are_ignored()
        {
            // Given
            var ioApic = new IoApic(new RecordingSink());
            ioApic.Write(IoApic.RegisterSelectOffset, [0x01]);
            var value = new byte[] { 0xAA, 0xAA };

            // When
            ioApic.Read(IoApic.WindowOffset, value);

            // Then
            Assert.Equal(new byte[2], value);
            Assert.Equal(0x11u, ReadRegister(ioApic, IoApic.VersionRegister) & 0xFF);
        }
    }

    public sealed class EdgeTriggeredPins
    {
        [Fact]
        public void Deliver_once_per_rising_edge_with_the_entry_s_vector_and_destination()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 4, (2UL << 56) | 0x34);

            // When
            ioApic.SetLevel(4, true);
            ioApic.SetLevel(4, true);
            ioApic.SetLevel(4, false);
            ioApic.SetLevel(4, true);

            // Then
            Assert.Equal(2, sink.Messages.Count);
            var message = sink.Messages[0];
            Assert.Equal(0x34, message.Vector);
            Assert.Equal(2, message.Destination);
            Assert.False(message.IsLevelTriggered);
            Assert.Equal(0xFEE0_2000UL, message.Address);
        }

        [Fact]
        public void A_masked_pin_drops_its_edge()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 4, Masked | 0x34);

            // When
            ioApic.SetLevel(4, true);
            WriteEntry(ioApic, 4, 0x34);

            // Then
            Assert.Empty(sink.Messages);
        }

        [Fact]
        public void A_pin_out_of_range_is_ignored()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);

            // When
            ioApic.SetLevel(24, true);
            ioApic.SetLevel(-1, true);

            // Then
            Assert.Empty(sink.Messages);
        }
    }

    public sealed class LevelTriggeredPins
    {
        [Fact]
        public void Deliver_once_and_set_remote_irr_until_the_end_of_interrupt()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 5, Level | 0x41);

            // When
            ioApic.SetLevel(5, true);
            ioApic.SetLevel(5, true);

            // Then
            var message = Assert.Single(sink.Messages);
            Assert.True(message.IsLevelTriggered);
            Assert.True(ioApic.Entry(5).RemoteIrr);
        }

        [Fact]
        public void The_end_of_interrupt_resamples_a_line_that_is_still_asserted()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 5, Level | 0x41);
            ioApic.SetLevel(5, true);

            // When
            ioApic.EndOfInterrupt(0x41);

            // Then
            Assert.Equal(2, sink.Messages.Count);
            Assert.True(ioApic.Entry(5).RemoteIrr);
        }

        [Fact]
        public void The_end_of_interrupt_of_a_withdrawn_line_clears_remote_irr_without_delivering()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 5, Level | 0x41);
            ioApic.SetLevel(5, true);
            ioApic.SetLevel(5, false);

            // When
            ioApic.EndOfInterrupt(0x41);

            // Then
            Assert.Single(sink.Messages);
            Assert.False(ioApic.Entry(5).RemoteIrr);
        }

        [Fact]
        public void An_end_of_interrupt_for_another_vector_changes_nothing()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 5, Level | 0x41);
            ioApic.SetLevel(5, true);

            // When
            ioApic.EndOfInterrupt(0x42);

            // Then
            Assert.Single(sink.Messages);
            Assert.True(ioApic.Entry(5).RemoteIrr);
        }

        [Fact]
        public void Masking_preserves_remote_irr()
        {
            // Given
            var ioApic = new IoApic(new RecordingSink());
            WriteEntry(ioApic, 5, Level | 0x41);
            ioApic.SetLevel(5, true);

            // When
            WriteEntry(ioApic, 5, Level | Masked | 0x41);

            // Then
            Assert.True(ioApic.Entry(5).RemoteIrr);
            Assert.True(ioApic.Entry(5).IsMasked);
        }

        [Fact]
        public void Unmasking_an_asserted_line_delivers_it()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 9, Level | Masked | 0x50);
            ioApic.SetLevel(9, true);

            // When
            WriteEntry(ioApic, 9, Level | 0x50);

            // Then
            Assert.Equal(0x50, Assert.Single(sink.Messages).Vector);
        }

        [Fact]
        public void A_masked_line_asserted_at_the_end_of_interrupt_is_not_delivered()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 5, Level | 0x41);
            ioApic.SetLevel(5, true);
            WriteEntry(ioApic, 5, Level | Masked | 0x41);

            // When
            ioApic.EndOfInterrupt(0x41);

            // Then
            Assert.Single(sink.Messages);
            Assert.False(ioApic.Entry(5).RemoteIrr);
        }

        [Fact]
        public void Level_to_edge_transition_clears_remote_irr()
        {
            // Given
            var ioApic = new IoApic(new RecordingSink());
            WriteEntry(ioApic, 5, Level | 0x41);
            ioApic.SetLevel(5, true);

            // When
            WriteEntry(ioApic, 5, 0x41);

            // Then
            Assert.False(ioApic.Entry(5).RemoteIrr);
        }

        [Fact]
        public void A_line_driven_through_its_interrupt_line_behaves_like_set_level()
        {
            // Given
            var sink = new RecordingSink();
            var ioApic = new IoApic(sink);
            WriteEntry(ioApic, 7, Level | 0x60);
            var line = ioApic.Line(7);

            // When
            line.Set(true);

            // Then
            Assert.Equal(0x60, Assert.Single(sink.Messages).Vector);
        }
    }
}
