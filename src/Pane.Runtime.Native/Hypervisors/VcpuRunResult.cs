namespace Pane.Runtime.Native.Hypervisors;

/// <summary>Why <see cref="IVcpu.Run"/> returned.</summary>
internal enum VcpuRunResult
{
    /// <summary>An exit was handled; run again.</summary>
    Continue,

    /// <summary>The vCPU halted and nothing in the hypervisor will wake it (no in-kernel local APIC).</summary>
    Halted,

    /// <summary>The guest shut the machine down (a triple fault, a reset).</summary>
    Shutdown,

    /// <summary>The run was cancelled by <see cref="IVcpu.Cancel"/>.</summary>
    Cancelled,
}
