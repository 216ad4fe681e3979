using System.Runtime.InteropServices;

namespace Pane.Host.Platform.Facts;

/// <summary>What <c>pane doctor</c> reports about the host, with one <see cref="HostProblem"/> per thing wrong.</summary>
internal sealed record HostFacts
{
    /// <summary>Gets the operating system's description, such as <c>Debian GNU/Linux 12 (bookworm)</c> or the kernel.</summary>
    public required string OperatingSystem { get; init; }

    /// <summary>Gets the processor architecture of the operating system.</summary>
    public required Architecture Architecture { get; init; }

    /// <summary>Gets the number of logical processors.</summary>
    public required int LogicalProcessors { get; init; }

    /// <summary>Gets the physical memory in bytes, or <see langword="null"/> when it cannot be read.</summary>
    public long? PhysicalMemoryBytes { get; init; }

    /// <summary>Gets whether the CPU offers hardware virtualization.</summary>
    public required HardwareVirtualization Virtualization { get; init; }

    /// <summary>Gets the full path of <c>PANE_HOME</c>.</summary>
    public required string PaneHome { get; init; }

    /// <summary>Gets a value indicating whether a file could be created and deleted in <see cref="PaneHome"/>.</summary>
    public required bool PaneHomeWritable { get; init; }

    /// <summary>Gets the free disk space at <see cref="PaneHome"/> in bytes, or <see langword="null"/> when unknown.</summary>
    public long? FreeDiskBytes { get; init; }

    /// <summary>Gets the problems found, each with a remedy; empty when all is well.</summary>
    public required IReadOnlyList<HostProblem> Problems { get; init; }
}
