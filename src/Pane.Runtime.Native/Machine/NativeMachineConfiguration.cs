using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Storage;

namespace Pane.Runtime.Native.Machine;

/// <summary>What the native VMM boots: memory, processors, the Linux kernel and initramfs, its command line and disks.</summary>
internal sealed record NativeMachineConfiguration
{
    /// <summary>Gets the guest RAM in bytes.</summary>
    public required ulong MemoryBytes { get; init; }

    /// <summary>Gets the number of vCPUs.</summary>
    public required int VirtualCpus { get; init; }

    /// <summary>Gets the bzImage's bytes.</summary>
    public required byte[] Kernel { get; init; }

    /// <summary>Gets the kernel's unpacked <c>vmlinux</c>, entered directly, or <see langword="null"/> to let the bzImage unpack itself.</summary>
    public ElfKernel? UnpackedKernel { get; init; }

    /// <summary>Gets the initramfs's bytes (empty for none).</summary>
    public required byte[] Initramfs { get; init; }

    /// <summary>Gets the command line, without the device arguments the machine adds.</summary>
    public required string CommandLine { get; init; }

    /// <summary>Gets the disks, in the order the guest sees them (vda, vdb, ...); the machine disposes them.</summary>
    public required IReadOnlyList<IBlockDevice> Disks { get; init; }
}
