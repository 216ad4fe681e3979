using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Hypervisors;

/// <summary>A hypervisor backend: KVM on Linux, the Windows Hypervisor Platform on Windows.</summary>
internal interface IHypervisor
{
    /// <summary>Gets the accelerator name shown to users (<c>kvm</c>, <c>whp</c>).</summary>
    string Name { get; }

    /// <summary>Creates a virtual machine over guest memory.</summary>
    /// <param name="memory">Guest RAM, mapped at guest-physical 0; the VM does not own it.</param>
    /// <param name="withLocalApic">Whether the hypervisor emulates local APICs (Linux guests) or leaves interrupts to Pane (tiny test guests that only halt).</param>
    /// <returns>The VM.</returns>
    /// <exception cref="HypervisorException">The hypervisor refused.</exception>
    IVm CreateVm(GuestMemory memory, bool withLocalApic);
}
