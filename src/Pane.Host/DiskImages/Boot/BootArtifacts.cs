using Pane.Desktops;

namespace Pane.Host.DiskImages.Boot;

/// <summary>The kernel and initramfs a disk image boots, where they lie, and the <c>root=</c> the guest needs.</summary>
public sealed record BootArtifacts
{
    /// <summary>Gets the kernel's path inside the filesystem that holds it, such as <c>/boot/vmlinuz-linux</c>.</summary>
    public required string KernelPath { get; init; }

    /// <summary>Gets the initramfs's path inside the same filesystem, or <see langword="null"/> when the kernel has none.</summary>
    public string? InitramfsPath { get; init; }

    /// <summary>Gets the kernel version taken from the file name, such as <c>6.1.0-13-amd64</c> or <c>linux-lts</c>.</summary>
    public required string KernelVersion { get; init; }

    /// <summary>Gets the number of the partition holding the root filesystem, or <see langword="null"/> for a bare filesystem.</summary>
    public int? RootPartitionNumber { get; init; }

    /// <summary>
    /// Gets the number of the partition holding the kernel: the root partition, or a separate <c>/boot</c> partition;
    /// <see langword="null"/> for a bare filesystem.
    /// </summary>
    public int? BootPartitionNumber { get; init; }

    /// <summary>Gets the kernel argument naming the root filesystem, such as <c>root=PARTUUID=...</c>.</summary>
    public required string RootArgument { get; init; }

    /// <summary>Gets the distribution family from <c>/etc/os-release</c>, if known.</summary>
    public DistributionFamily? Family { get; init; }

    /// <summary>Gets the distribution's <c>ID</c> from <c>/etc/os-release</c>, if any.</summary>
    public string? DistributionId { get; init; }

    /// <summary>Gets the distribution's <c>PRETTY_NAME</c> from <c>/etc/os-release</c>, if any.</summary>
    public string? DistributionName { get; init; }
}
