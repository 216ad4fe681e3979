namespace Pane.Host.Cli.Doctor;

/// <summary>Facts about the host in the output of <c>pane doctor</c>.</summary>
/// <param name="OperatingSystem">The operating system's description.</param>
/// <param name="Architecture">The processor architecture, such as <c>x64</c>.</param>
/// <param name="LogicalProcessors">The number of logical processors.</param>
/// <param name="PhysicalMemoryBytes">The physical memory in bytes, or <see langword="null"/> when unknown.</param>
/// <param name="Virtualization">Whether the CPU offers hardware virtualization.</param>
/// <param name="Hypervisors">Whether each hypervisor of this operating system can run a guest.</param>
/// <param name="PaneHome">The full path of <c>PANE_HOME</c>.</param>
/// <param name="PaneHomeWritable">Whether a file could be created there.</param>
/// <param name="FreeDiskBytes">The free disk space there in bytes, or <see langword="null"/> when unknown.</param>
internal sealed record HostEntry(
    string OperatingSystem,
    string Architecture,
    int LogicalProcessors,
    long? PhysicalMemoryBytes,
    VirtualizationEntry Virtualization,
    IReadOnlyList<HypervisorEntry> Hypervisors,
    string PaneHome,
    bool PaneHomeWritable,
    long? FreeDiskBytes);
