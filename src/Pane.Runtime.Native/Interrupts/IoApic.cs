using System.Buffers.Binary;
using Pane.Runtime.Native.Devices;

namespace Pane.Runtime.Native.Interrupts;

/// <summary>
/// The I/O APIC, after the Intel 82093AA datasheet: 24 input pins, each routed by a redirection table entry to a
/// vector on a local APIC. An edge-triggered pin sends a message on each rising edge; a level-triggered pin sends one
/// while its line is asserted and sets remote IRR until the guest's end-of-interrupt for its vector, when it sends
/// again if the line is still asserted. Neither KVM's split irqchip nor WHP has one, so Pane owns it and delivers its
/// messages through an <see cref="IMsiSink"/>.
/// </summary>
internal sealed class IoApic : IBusDevice
{
    /// <summary>The guest-physical address the MP table and Linux expect.</summary>
    public const ulong DefaultBaseAddress = 0xFEC0_0000;

    /// <summary>The size of the register window.</summary>
    public const ulong WindowSize = 0x1000;

    /// <summary>The number of input pins.</summary>
    public const int PinCount = 24;

    /// <summary>The version the version register reports (the 82093AA's).</summary>
    public const byte Version = 0x11;

    /// <summary>The offset of the register select register.</summary>
    public const ulong RegisterSelectOffset = 0x00;

    /// <summary>The offset of the register window.</summary>
    public const ulong WindowOffset = 0x10;

    /// <summary>The index of the identification register.</summary>
    public const uint IdRegister = 0x00;

    /// <summary>The index of the version register.</summary>
    public const uint VersionRegister = 0x01;

    /// <summary>The index of the arbitration register.</summary>
    public const uint ArbitrationRegister = 0x02;

    /// <summary>The index of the low half of pin 0's redirection entry; pin n's is at 0x10 + 2n.</summary>
    public const uint RedirectionTableBase = 0x10;

    private readonly object _lock = new();
    private readonly ulong[] _entries = new ulong[PinCount];
    private readonly bool[] _lines = new bool[PinCount];
    private readonly IMsiSink _sink;
    private readonly IIoApicRoutes? _routes;
    private uint _select;
    private uint _id;

    /// <summary>Initializes a new instance of the <see cref="IoApic"/> class with every pin masked, as after reset.</summary>
    /// <param name="sink">Where interrupts go.</param>
    /// <param name="routes">Told of every reprogrammed pin, if the hypervisor needs to know.</param>
    public IoApic(IMsiSink sink, IIoApicRoutes? routes = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _routes = routes;
        Array.Fill(_entries, RedirectionEntry.MaskBit);
    }

    /// <summary>Gets the input line of a pin, for a device to drive.</summary>
    /// <param name="pin">The pin, 0 to 23.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is not a pin.</exception>
    public IInterruptLine Line(int pin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pin, PinCount);
        return new PinLine(this, pin);
    }

    /// <summary>Drives a pin's input line.</summary>
    /// <param name="pin">The pin, 0 to 23; others are ignored.</param>
    /// <param name="asserted">The new level.</param>
    public void SetLevel(int pin, bool asserted)
    {
        if ((uint)pin >= PinCount)
        {
            return;
        }

        lock (_lock)
        {
            var wasAsserted = _lines[pin];
            _lines[pin] = asserted;
            var entry = new RedirectionEntry(_entries[pin]);
            if (!asserted || entry.IsMasked)
            {
                return;
            }

            if (entry.IsLevelTriggered ? !entry.RemoteIrr : !wasAsserted)
            {
                Deliver(pin);
            }
        }
    }

    /// <summary>
    /// Handles the guest's end-of-interrupt for a vector, as the hypervisor reports it: clears remote IRR of every
    /// level-triggered pin with that vector and delivers again where the line is still asserted.
    /// </summary>
    /// <param name="vector">The vector the local APIC acknowledged.</param>
    public void EndOfInterrupt(byte vector)
    {
        lock (_lock)
        {
            for (var pin = 0; pin < PinCount; pin++)
            {
                var entry = new RedirectionEntry(_entries[pin]);
                if (entry.Vector != vector || !entry.IsLevelTriggered || !entry.RemoteIrr)
                {
                    continue;
                }

                _entries[pin] &= ~RedirectionEntry.RemoteIrrBit;
                if (_lines[pin] && !entry.IsMasked)
                {
                    Deliver(pin);
                }
            }
        }
    }

    /// <summary>Gets a pin's redirection entry, for diagnostics and tests.</summary>
    /// <param name="pin">The pin.</param>
    /// <returns>The entry.</returns>
    public RedirectionEntry Entry(int pin)
    {
        lock (_lock)
        {
            return new RedirectionEntry(_entries[pin]);
        }
    }

    /// <inheritdoc/>
    public void Read(ulong offset, Span<byte> data)
    {
        data.Clear();
        if (data.Length != 4)
        {
            return;
        }

        lock (_lock)
        {
            var value = offset switch
            {
                RegisterSelectOffset => _select,
                WindowOffset => ReadRegister(_select),
                _ => 0u,
            };
            BinaryPrimitives.WriteUInt32LittleEndian(data, value);
        }
    }

    /// <inheritdoc/>
    public void Write(ulong offset, ReadOnlySpan<byte> data)
    {
        if (data.Length != 4)
        {
            return;
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(data);
        lock (_lock)
        {
            switch (offset)
            {
                case RegisterSelectOffset:
                    _select = value & 0xFF;
                    break;
                case WindowOffset:
                    WriteRegister(_select, value);
                    break;
                default:
                    break;
            }
        }
    }

    private uint ReadRegister(uint index)
    {
        switch (index)
        {
            case IdRegister:
                return _id;
            case VersionRegister:
                return ((uint)(PinCount - 1) << 16) | Version;
            case ArbitrationRegister:
                return _id;
            default:
                if (RedirectionPin(index) is not { } pin)
                {
                    return 0;
                }

                return (index & 1) == 0 ? (uint)_entries[pin] : (uint)(_entries[pin] >> 32);
        }
    }

    private void WriteRegister(uint index, uint value)
    {
        if (index == IdRegister)
        {
            _id = value & 0x0F00_0000;
            return;
        }

        if (RedirectionPin(index) is not { } pin)
        {
            return;
        }

        var old = _entries[pin];
        var written = (index & 1) == 0
            ? (old & 0xFFFF_FFFF_0000_0000UL) | value
            : (old & 0x0000_0000_FFFF_FFFFUL) | ((ulong)value << 32);
        var updated = (written & ~RedirectionEntry.ReadOnlyBits) | (old & RedirectionEntry.ReadOnlyBits);
        if ((updated & RedirectionEntry.LevelTriggerBit) == 0)
        {
            updated &= ~RedirectionEntry.RemoteIrrBit;
        }

        _entries[pin] = updated;
        var entry = new RedirectionEntry(updated);
        _routes?.RouteChanged(pin, entry);
        if (entry.IsLevelTriggered && !entry.IsMasked && !entry.RemoteIrr && _lines[pin])
        {
            Deliver(pin);
        }
    }

    private static int? RedirectionPin(uint index) =>
        index >= RedirectionTableBase && index < RedirectionTableBase + (2 * PinCount)
            ? (int)((index - RedirectionTableBase) / 2)
            : null;

    private void Deliver(int pin)
    {
        var entry = new RedirectionEntry(_entries[pin]);
        if (entry.IsLevelTriggered)
        {
            _entries[pin] |= RedirectionEntry.RemoteIrrBit;
        }

        _sink.Deliver(entry.ToMessage());
    }

    private sealed class PinLine(IoApic ioApic, int pin) : IInterruptLine
    {
        public void Set(bool asserted) => ioApic.SetLevel(pin, asserted);
    }
}
