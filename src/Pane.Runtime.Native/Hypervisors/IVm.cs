using Pane.Runtime.Native.Interrupts;

namespace Pane.Runtime.Native.Hypervisors;

/// <summary>
/// A virtual machine of a hypervisor: guest RAM, vCPUs, and the interrupt path. The local APICs live in the
/// hypervisor; the I/O APIC lives in Pane and sends its interrupts here as messages. No KVM or WHP type appears here.
/// </summary>
internal interface IVm : IMsiSink, IIoApicRoutes, IDisposable
{
    /// <summary>Creates a vCPU.</summary>
    /// <param name="index">Its index, 0 for the bootstrap processor; also its APIC ID.</param>
    /// <param name="count">How many vCPUs the machine has (the topology its CPUID reports).</param>
    /// <returns>The vCPU.</returns>
    /// <exception cref="HypervisorException">The hypervisor refused.</exception>
    IVcpu CreateVcpu(int index, int count);
}
