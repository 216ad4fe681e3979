using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Hypervisors;

/// <summary>A virtual processor of an <see cref="IVm"/>. Run it on one thread; cancel it from any.</summary>
internal interface IVcpu : IDisposable
{
    /// <summary>Gets the vCPU's index, which is also its APIC id.</summary>
    int Index { get; }

    /// <summary>Sets the registers Linux's 64-bit entry expects.</summary>
    /// <param name="state">The state.</param>
    /// <exception cref="HypervisorException">The hypervisor refused the registers.</exception>
    void SetBootState(VcpuBootState state);

    /// <summary>Starts the vCPU in real mode at an address below 64 KiB (CS = 0), as a tiny test guest needs.</summary>
    /// <param name="address">The address of the first instruction.</param>
    /// <exception cref="HypervisorException">The hypervisor refused the registers.</exception>
    void SetRealModeEntry(ushort address);

    /// <summary>Runs the guest until its next exit and hands that exit to <paramref name="handler"/>.</summary>
    /// <param name="handler">The devices.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="HypervisorException">The hypervisor failed to run the vCPU.</exception>
    VcpuRunResult Run(IVcpuExitHandler handler);

    /// <summary>Makes the current or next <see cref="Run"/> return <see cref="VcpuRunResult.Cancelled"/> soon; callable from any thread.</summary>
    void Cancel();
}
