using Pane.Machines;

namespace Pane.Runtime.QemuWhpx.Machine;

/// <summary>Everything the QEMU command line is made from.</summary>
internal sealed record QemuLaunchPlan
{
    /// <summary>Gets the machine to start.</summary>
    public required MachineSpec Spec { get; init; }

    /// <summary>Gets the accelerator: <c>whpx</c>, <c>kvm</c> or <c>tcg</c>.</summary>
    public required string Accelerator { get; init; }

    /// <summary>Gets the <c>-cpu</c> model for that accelerator.</summary>
    public required string CpuModel { get; init; }

    /// <summary>Gets where the serial console listens.</summary>
    public required QemuEndpoint Serial { get; init; }

    /// <summary>Gets where QMP listens.</summary>
    public required QemuEndpoint Control { get; init; }

    /// <summary>Gets the file QEMU appends every serial byte to.</summary>
    public required string SerialLogPath { get; init; }

    /// <summary>
    /// Gets the file QEMU writes its pid to when it detaches itself from Pane's process (<c>-daemonize</c>), or
    /// <see langword="null"/> where QEMU cannot daemonize (Windows) and Pane starts it detached instead.
    /// </summary>
    public string? DaemonPidFilePath { get; init; }
}
