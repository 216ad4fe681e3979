using Pane.Runtime.Native.Devices;
using Pane.Runtime.Native.Interrupts;

namespace Pane.Runtime.Native.Serial;

/// <summary>
/// A 16550A UART as the PC's COM1 (eight I/O ports from <c>0x3F8</c>, IRQ 4), after the National Semiconductor
/// PC16550D datasheet: receive buffer and transmit holding registers, interrupt enable and identification, line and
/// modem control and status, scratch, and the divisor latch behind DLAB. Transmission is instant, so the transmitter
/// is always empty; received bytes queue in a FIFO. Its interrupt output follows the highest-priority enabled
/// condition (line status, received data, transmitter empty, modem status).
/// </summary>
internal sealed class Uart16550 : IBusDevice, ISerialInput
{
    /// <summary>The first I/O port of COM1.</summary>
    public const ushort Com1Port = 0x3F8;

    /// <summary>The ISA IRQ of COM1.</summary>
    public const int Com1Irq = 4;

    /// <summary>The number of ports.</summary>
    public const int PortCount = 8;

    /// <summary>Receive buffer (read) and transmit holding (write) register; divisor latch low with DLAB.</summary>
    public const ulong DataRegister = 0;

    /// <summary>Interrupt enable register; divisor latch high with DLAB.</summary>
    public const ulong InterruptEnableRegister = 1;

    /// <summary>Interrupt identification (read) and FIFO control (write) register.</summary>
    public const ulong InterruptIdentificationRegister = 2;

    /// <summary>Line control register.</summary>
    public const ulong LineControlRegister = 3;

    /// <summary>Modem control register.</summary>
    public const ulong ModemControlRegister = 4;

    /// <summary>Line status register.</summary>
    public const ulong LineStatusRegister = 5;

    /// <summary>Modem status register.</summary>
    public const ulong ModemStatusRegister = 6;

    /// <summary>Scratch register.</summary>
    public const ulong ScratchRegister = 7;

    /// <summary>IER: received data available.</summary>
    public const byte EnableReceivedData = 0x01;

    /// <summary>IER: transmitter holding register empty.</summary>
    public const byte EnableTransmitterEmpty = 0x02;

    /// <summary>IER: receiver line status.</summary>
    public const byte EnableLineStatus = 0x04;

    /// <summary>IER: modem status.</summary>
    public const byte EnableModemStatus = 0x08;

    /// <summary>IIR: no interrupt pending.</summary>
    public const byte NoInterruptPending = 0x01;

    /// <summary>IIR: receiver line status.</summary>
    public const byte LineStatusInterrupt = 0x06;

    /// <summary>IIR: received data available.</summary>
    public const byte ReceivedDataInterrupt = 0x04;

    /// <summary>IIR: transmitter holding register empty.</summary>
    public const byte TransmitterEmptyInterrupt = 0x02;

    /// <summary>IIR: modem status.</summary>
    public const byte ModemStatusInterrupt = 0x00;

    /// <summary>IIR bits 6-7: FIFOs enabled.</summary>
    public const byte FifosEnabled = 0xC0;

    /// <summary>LCR: divisor latch access bit.</summary>
    public const byte DivisorLatchAccess = 0x80;

    /// <summary>LSR: data ready.</summary>
    public const byte DataReady = 0x01;

    /// <summary>LSR: overrun error.</summary>
    public const byte OverrunError = 0x02;

    /// <summary>LSR: transmitter holding register empty.</summary>
    public const byte TransmitterHoldingEmpty = 0x20;

    /// <summary>LSR: transmitter empty.</summary>
    public const byte TransmitterEmpty = 0x40;

    /// <summary>MCR: loopback.</summary>
    public const byte Loopback = 0x10;

    /// <summary>The most received bytes held before further ones are dropped (with an overrun).</summary>
    public const int ReceiveCapacity = 4096;

    private const byte ModemSignalsPresent = 0xB0;

    private readonly object _lock = new();
    private readonly Queue<byte> _received = new();
    private readonly ISerialOutput _output;
    private readonly IInterruptLine _interrupt;
    private byte _interruptEnable;
    private byte _lineControl = 0x03;
    private byte _modemControl = 0x08;
    private byte _scratch;
    private byte _fifoControl;
    private ushort _divisor = 12;
    private bool _transmitterEmptyPending;
    private bool _overrun;
    private bool _lineAsserted;

    /// <summary>Initializes a new instance of the <see cref="Uart16550"/> class.</summary>
    /// <param name="output">Takes transmitted bytes.</param>
    /// <param name="interrupt">The UART's interrupt line.</param>
    public Uart16550(ISerialOutput output, IInterruptLine interrupt)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(interrupt);
        _output = output;
        _interrupt = interrupt;
    }

    /// <summary>Gets the divisor latch (the baud rate is 115200 divided by it).</summary>
    public ushort Divisor
    {
        get
        {
            lock (_lock)
            {
                return _divisor;
            }
        }
    }

    /// <summary>Queues bytes as if they arrived on the line, from any thread.</summary>
    /// <param name="bytes">The bytes.</param>
    public void Receive(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            foreach (var value in bytes)
            {
                if (_received.Count >= ReceiveCapacity)
                {
                    _overrun = true;
                    break;
                }

                _received.Enqueue(value);
            }

            UpdateInterrupt();
        }
    }

    /// <inheritdoc/>
    public void Read(ulong offset, Span<byte> data)
    {
        data.Clear();
        if (data.Length != 1)
        {
            return;
        }

        lock (_lock)
        {
            data[0] = ReadRegister(offset);
            UpdateInterrupt();
        }
    }

    /// <inheritdoc/>
    public void Write(ulong offset, ReadOnlySpan<byte> data)
    {
        if (data.Length != 1)
        {
            return;
        }

        lock (_lock)
        {
            WriteRegister(offset, data[0]);
            UpdateInterrupt();
        }
    }

    private bool DivisorLatch => (_lineControl & DivisorLatchAccess) != 0;

    private byte ReadRegister(ulong offset)
    {
        switch (offset)
        {
            case DataRegister when DivisorLatch:
                return (byte)_divisor;
            case DataRegister:
                return _received.TryDequeue(out var value) ? value : (byte)0;
            case InterruptEnableRegister when DivisorLatch:
                return (byte)(_divisor >> 8);
            case InterruptEnableRegister:
                return _interruptEnable;
            case InterruptIdentificationRegister:
                var identification = PendingInterrupt();
                if (identification == TransmitterEmptyInterrupt)
                {
                    _transmitterEmptyPending = false;
                }

                return (byte)(identification | ((_fifoControl & 0x01) != 0 ? FifosEnabled : 0));
            case LineControlRegister:
                return _lineControl;
            case ModemControlRegister:
                return _modemControl;
            case LineStatusRegister:
                var status = (byte)(TransmitterHoldingEmpty | TransmitterEmpty | (_received.Count > 0 ? DataReady : 0) | (_overrun ? OverrunError : 0));
                _overrun = false;
                return status;
            case ModemStatusRegister:
                return ModemStatus();
            case ScratchRegister:
                return _scratch;
            default:
                return 0;
        }
    }

    private void WriteRegister(ulong offset, byte value)
    {
        switch (offset)
        {
            case DataRegister when DivisorLatch:
                _divisor = (ushort)((_divisor & 0xFF00) | value);
                break;
            case DataRegister:
                if ((_modemControl & Loopback) != 0)
                {
                    _received.Enqueue(value);
                }
                else
                {
                    _output.Transmit(value);
                }

                _transmitterEmptyPending = true;
                break;
            case InterruptEnableRegister when DivisorLatch:
                _divisor = (ushort)((_divisor & 0x00FF) | (value << 8));
                break;
            case InterruptEnableRegister:
                var enablesTransmitterEmpty = (value & EnableTransmitterEmpty) != 0 && (_interruptEnable & EnableTransmitterEmpty) == 0;
                _interruptEnable = (byte)(value & 0x0F);
                if (enablesTransmitterEmpty)
                {
                    _transmitterEmptyPending = true;
                }

                break;
            case InterruptIdentificationRegister:
                _fifoControl = value;
                if ((value & 0x02) != 0)
                {
                    _received.Clear();
                }

                break;
            case LineControlRegister:
                _lineControl = value;
                break;
            case ModemControlRegister:
                _modemControl = (byte)(value & 0x1F);
                break;
            case ScratchRegister:
                _scratch = value;
                break;
            default:
                break;
        }
    }

    private byte ModemStatus()
    {
        if ((_modemControl & Loopback) == 0)
        {
            return ModemSignalsPresent;
        }

        var dtr = (_modemControl & 0x01) != 0 ? 0x20 : 0;
        var rts = (_modemControl & 0x02) != 0 ? 0x10 : 0;
        var out1 = (_modemControl & 0x04) != 0 ? 0x40 : 0;
        var out2 = (_modemControl & 0x08) != 0 ? 0x80 : 0;
        return (byte)(dtr | rts | out1 | out2);
    }

    private byte PendingInterrupt()
    {
        if ((_interruptEnable & EnableLineStatus) != 0 && _overrun)
        {
            return LineStatusInterrupt;
        }

        if ((_interruptEnable & EnableReceivedData) != 0 && _received.Count > 0)
        {
            return ReceivedDataInterrupt;
        }

        if ((_interruptEnable & EnableTransmitterEmpty) != 0 && _transmitterEmptyPending)
        {
            return TransmitterEmptyInterrupt;
        }

        return NoInterruptPending;
    }

    private void UpdateInterrupt()
    {
        var asserted = PendingInterrupt() != NoInterruptPending;
        if (asserted != _lineAsserted)
        {
            _lineAsserted = asserted;
            _interrupt.Set(asserted);
        }
    }
}
