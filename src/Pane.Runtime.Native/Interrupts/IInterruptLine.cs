namespace Pane.Runtime.Native.Interrupts;

/// <summary>A device's interrupt output: a wire the device drives high or low.</summary>
internal interface IInterruptLine
{
    /// <summary>Drives the wire.</summary>
    /// <param name="asserted"><see langword="true"/> to assert the interrupt, <see langword="false"/> to withdraw it.</param>
    void Set(bool asserted);
}
