using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Serial;

namespace Pane.Runtime.Native.Tests.Serial;

public sealed class Uart16550Tests
{
    private sealed class Output : ISerialOutput
    {
        public List<byte> Bytes { get; } = [];

        public void Transmit(byte value) => Bytes.Add(value);
    }

    private sealed class Line : IInterruptLine
    {
        public List<bool> Changes { get; } = [];

        public bool Asserted => Changes.Count > 0 && Changes[^1];

        public void Set(bool asserted) => Changes.Add(asserted);
    }

    private static byte Read(Uart16550 uart, ulong register)
    {
        var data = new byte[1];
        uart.Read(register, data);
        return data[0];
    }

    private static void Write(Uart16550 uart, ulong register, byte value) => uart.Write(register, [value]);

    public sealed class Transmit
    {
        [Fact]
        public void A_byte_written_to_THR_goes_out_and_the_transmitter_stays_empty()
        {
            // Given
            var output = new Output();
            var uart = new Uart16550(output, new Line());

            // When
            Write(uart, Uart16550.DataRegister, (byte)'h');
            Write(uart, Uart16550.DataRegister, (byte)'i');

            // Then
            Assert.Equal("hi"u8.ToArray(), output.Bytes);
            var status = Read(uart, Uart16550.LineStatusRegister);
            Assert.Equal(Uart16550.TransmitterHoldingEmpty | Uart16550.TransmitterEmpty, status);
        }

        [Fact]
        public void Enabling_the_THRE_interrupt_raises_it_and_reading_IIR_clears_it()
        {
            // Given
            var line = new Line();
            var uart = new Uart16550(new Output(), line);

            // When
            Write(uart, Uart16550.InterruptEnableRegister, Uart16550.EnableTransmitterEmpty);
            var raised = line.Asserted;
            var identification = Read(uart, Uart16550.InterruptIdentificationRegister);

            // Then
            Assert.True(raised);
            Assert.Equal(Uart16550.TransmitterEmptyInterrupt, identification);
            Assert.False(line.Asserted);
            Assert.Equal(Uart16550.NoInterruptPending, Read(uart, Uart16550.InterruptIdentificationRegister));
        }

        [Fact]
        public void Each_THR_write_raises_the_THRE_interrupt_again()
        {
            // Given
            var line = new Line();
            var uart = new Uart16550(new Output(), line);
            Write(uart, Uart16550.InterruptEnableRegister, Uart16550.EnableTransmitterEmpty);
            Read(uart, Uart16550.InterruptIdentificationRegister);

            // When
            Write(uart, Uart16550.DataRegister, 0x41);

            // Then
            Assert.True(line.Asserted);
            Assert.Equal(new List<bool> { true, false, true }, line.Changes);
        }
    }

    public sealed class Receive
    {
        [Fact]
        public void Received_bytes_set_data_ready_and_read_back_in_order()
        {
            // Given
            var uart = new Uart16550(new Output(), new Line());

            // When
            uart.Receive("ok"u8);

            // Then
            Assert.Equal(Uart16550.DataReady, Read(uart, Uart16550.LineStatusRegister) & Uart16550.DataReady);
            Assert.Equal((byte)'o', Read(uart, Uart16550.DataRegister));
            Assert.Equal((byte)'k', Read(uart, Uart16550.DataRegister));
            Assert.Equal(0, Read(uart, Uart16550.LineStatusRegister) & Uart16550.DataReady);
        }

        [Fact]
        public void The_received_data_interrupt_outranks_THRE_and_falls_when_the_FIFO_empties()
        {
            // Given
            var line = new Line();
            var uart = new Uart16550(new Output(), line);
            Write(uart, Uart16550.InterruptEnableRegister, Uart16550.EnableReceivedData | Uart16550.EnableTransmitterEmpty);

            // When
            uart.Receive("x"u8);
            var first = Read(uart, Uart16550.InterruptIdentificationRegister);
            Read(uart, Uart16550.DataRegister);
            var second = Read(uart, Uart16550.InterruptIdentificationRegister);

            // Then
            Assert.Equal(Uart16550.ReceivedDataInterrupt, first);
            Assert.Equal(Uart16550.TransmitterEmptyInterrupt, second);
            Assert.False(line.Asserted);
        }

        [Fact]
        public void Bytes_beyond_the_capacity_are_dropped_with_an_overrun()
        {
            // Given
            var uart = new Uart16550(new Output(), new Line());

            // When
            uart.Receive(new byte[Uart16550.ReceiveCapacity + 1]);

            // Then
            Assert.Equal(Uart16550.OverrunError, Read(uart, Uart16550.LineStatusRegister) & Uart16550.OverrunError);
            Assert.Equal(0, Read(uart, Uart16550.LineStatusRegister) & Uart16550.OverrunError);
        }
    }

    public sealed class Registers
    {
        [Fact]
        public void DLAB_exposes_the_divisor_latch_instead_of_data_and_IER()
        {
            // Given
            var output = new Output();
            var uart = new Uart16550(output, new Line());

            // When
            Write(uart, Uart16550.LineControlRegister, Uart16550.DivisorLatchAccess | 0x03);
            Write(uart, Uart16550.DataRegister, 0x01);
            Write(uart, Uart16550.InterruptEnableRegister, 0x00);
            Write(uart, Uart16550.LineControlRegister, 0x03);

            // Then
            Assert.Equal(1, uart.Divisor);
            Assert.Empty(output.Bytes);
            Assert.Equal(0, Read(uart, Uart16550.InterruptEnableRegister));
        }

        [Fact]
        public void The_scratch_register_holds_what_was_written()
        {
            // Given
            var uart = new Uart16550(new Output(), new Line());

            // When
            Write(uart, Uart16550.ScratchRegister, 0xA5);

            // Then
            Assert.Equal(0xA5, Read(uart, Uart16550.ScratchRegister));
        }

        [Fact]
        public void Loopback_returns_written_bytes_and_reflects_the_modem_control_lines()
        {
            // Given
            var output = new Output();
            var uart = new Uart16550(output, new Line());

            // When
            Write(uart, Uart16550.ModemControlRegister, Uart16550.Loopback | 0x0B);
            Write(uart, Uart16550.DataRegister, 0x55);

            // Then
            Assert.Empty(output.Bytes);
            Assert.Equal(0x55, Read(uart, Uart16550.DataRegister));
            Assert.Equal(0xB0, Read(uart, Uart16550.ModemStatusRegister));
        }

        [Fact]
        public void Without_loopback_the_modem_reports_carrier_and_clear_to_send()
        {
            // Given
            var uart = new Uart16550(new Output(), new Line());

            // When
            var status = Read(uart, Uart16550.ModemStatusRegister);

            // Then
            Assert.Equal(0xB0, status);
        }

        [Fact]
        public void FIFO_enable_shows_in_IIR()
        {
            // Given
            var uart = new Uart16550(new Output(), new Line());

            // When
            Write(uart, Uart16550.InterruptIdentificationRegister, 0x07);

            // Then
            Assert.Equal(Uart16550.FifosEnabled | Uart16550.NoInterruptPending, Read(uart, Uart16550.InterruptIdentificationRegister));
        }

        [Fact]
        public void Wide_accesses_are_ignored()
        {
            // Given
            var output = new Output();
            var uart = new Uart16550(output, new Line());

            // When
            uart.Write(Uart16550.DataRegister, [1, 2]);

            // Then
            Assert.Empty(output.Bytes);
        }
    }
}
