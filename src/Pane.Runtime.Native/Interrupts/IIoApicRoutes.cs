namespace Pane.Runtime.Native.Interrupts;

/// <summary>
/// Learns the I/O APIC's routes whenever the guest reprograms a pin: a hypervisor whose local APIC must report the
/// end-of-interrupt of level-triggered vectors (KVM's split irqchip) needs to know which vectors those are.
/// </summary>
internal interface IIoApicRoutes
{
    /// <summary>Takes a pin's new route.</summary>
    /// <param name="pin">The pin.</param>
    /// <param name="entry">Its redirection entry.</param>
    void RouteChanged(int pin, RedirectionEntry entry);
}
