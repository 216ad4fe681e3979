namespace Pane.Runtime.Native.Interrupts;

/// <summary>Delivers message-signalled interrupts to the guest's local APICs (the hypervisor's side of the I/O APIC).</summary>
internal interface IMsiSink
{
    /// <summary>Delivers a message; never blocks for long, may be called from any thread.</summary>
    /// <param name="message">The message.</param>
    void Deliver(MsiMessage message);
}
