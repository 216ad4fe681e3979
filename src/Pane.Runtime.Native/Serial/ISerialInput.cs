namespace Pane.Runtime.Native.Serial;

/// <summary>Takes the bytes typed at a console: a UART's receive side, or the socket to the process that owns the UART.</summary>
internal interface ISerialInput
{
    /// <summary>Passes bytes on to the guest.</summary>
    /// <param name="bytes">The bytes, in order.</param>
    void Receive(ReadOnlySpan<byte> bytes);
}
