namespace Pane.Runtime.Native.Devices;

/// <summary>
/// The sleep control and sleep status registers of a hardware-reduced ACPI machine, two one-byte I/O ports that the
/// FADT names. The guest enters a sleep state by writing its type (from the DSDT's <c>\_Sx_</c> package) with the
/// enable bit to the control register; the only state this machine offers is S5, soft-off, which powers it off.
/// </summary>
internal sealed class AcpiSleepControl : IBusDevice
{
    /// <summary>The first I/O port: the control register; the status register follows it.</summary>
    public const ushort Port = 0x600;

    /// <summary>The number of ports.</summary>
    public const int PortCount = 2;

    /// <summary>The sleep type of S5, as the DSDT's <c>\_S5_</c> package declares it.</summary>
    public const byte SoftOffSleepType = 5;

    /// <summary>SLP_EN: the bit that makes the write enter the sleep state.</summary>
    public const byte SleepEnable = 1 << 5;

    private const int SleepTypeShift = 2;
    private const byte SleepTypeMask = 0b111;

    private readonly Action _powerOff;

    /// <summary>Initializes a new instance of the <see cref="AcpiSleepControl"/> class.</summary>
    /// <param name="powerOff">Called when the guest enters S5.</param>
    public AcpiSleepControl(Action powerOff)
    {
        ArgumentNullException.ThrowIfNull(powerOff);
        _powerOff = powerOff;
    }

    /// <inheritdoc/>
    public void Read(ulong offset, Span<byte> data) => data.Clear();

    /// <inheritdoc/>
    public void Write(ulong offset, ReadOnlySpan<byte> data)
    {
        if (offset != 0 || data.IsEmpty)
        {
            return;
        }

        var value = data[0];
        if ((value & SleepEnable) != 0 && ((value >> SleepTypeShift) & SleepTypeMask) == SoftOffSleepType)
        {
            _powerOff();
        }
    }
}
