namespace Pane.Runtime.Native.Serial;

/// <summary>Takes the bytes a UART transmits; never blocks the vCPU thread that calls it.</summary>
internal interface ISerialOutput
{
    /// <summary>Takes one transmitted byte.</summary>
    /// <param name="value">The byte.</param>
    void Transmit(byte value);
}
