using Pane.Host.DiskImages.Partitions;

namespace Pane.Host.DiskImages.Boot;

/// <summary>
/// Finds the root filesystem of an image (the GPT "Linux root (x86-64)" partition, else the Linux filesystem
/// holding <c>/sbin/init</c>, <c>/etc/os-release</c> or <c>/boot</c> kernels), the kernel and initramfs (in its
/// <c>/boot</c> or on a separate boot partition), and the <c>root=</c> argument that names it.
/// </summary>
internal static class BootArtifactLocator
{
    private static readonly string[] s_rootMarkers = ["/sbin/init", "/usr/lib/systemd/systemd", "/etc/os-release"];

    /// <summary>Locates the boot artifacts.</summary>
    /// <param name="volumes">The image's opened filesystems.</param>
    /// <param name="bootVolume">The volume whose filesystem holds the kernel.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="ImageFormatException">No root filesystem or no kernel was found.</exception>
    public static BootArtifacts Locate(ImageVolumes volumes, out ImageVolume bootVolume)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        var root = FindRoot(volumes);
        var osRelease = OsRelease.Read(root.FileSystem!);
        var preferred = PreferredVersion(root.FileSystem!);

        var kernel = KernelSelector.Choose(KernelSelector.FindKernels(root.FileSystem!, "/boot"), preferred);
        bootVolume = root;
        if (kernel is null)
        {
            foreach (var other in volumes.FileSystems.Where(volume => volume != root).OrderByDescending(IsBootType))
            {
                kernel = KernelSelector.Choose(KernelSelector.FindKernels(other.FileSystem!, string.Empty), preferred);
                if (kernel is not null)
                {
                    bootVolume = other;
                    break;
                }
            }
        }

        if (kernel is null)
        {
            throw new ImageFormatException(
                $"The image '{volumes.Image.Path}' has no kernel: no /boot/vmlinuz-* on its root filesystem and no vmlinuz-* on another partition.",
                "Install a kernel in the image (linux, linux-image-amd64 or kernel-core), or boot it with an explicit kernel.");
        }

        return new BootArtifacts
        {
            KernelPath = kernel.KernelPath,
            InitramfsPath = kernel.InitramfsPath,
            KernelVersion = kernel.Version,
            RootPartitionNumber = root.Partition?.Number,
            BootPartitionNumber = bootVolume.Partition?.Number,
            RootArgument = RootArgument(volumes.Table, root),
            Family = osRelease?.Family,
            DistributionId = osRelease?.Id,
            DistributionName = osRelease?.PrettyName,
        };
    }

    /// <summary>Finds the root filesystem.</summary>
    /// <param name="volumes">The image's opened filesystems.</param>
    /// <returns>The volume holding it.</returns>
    /// <exception cref="ImageFormatException">No filesystem looks like a Linux root.</exception>
    public static ImageVolume FindRoot(ImageVolumes volumes)
    {
        var candidates = volumes.FileSystems.ToList();
        var root = candidates.FirstOrDefault(volume => volume.Partition?.TypeGuid == PartitionTypeNames.LinuxRootX64)
            ?? candidates.FirstOrDefault(volume => s_rootMarkers.Any(marker => Exists(volume.FileSystem!, marker)))
            ?? candidates.FirstOrDefault(volume => KernelSelector.FindKernels(volume.FileSystem!, "/boot").Count > 0);
        if (root is not null)
        {
            return root;
        }

        var problems = volumes.Volumes.Where(volume => volume.Problem is not null).Select(volume => volume.Problem);
        throw new ImageFormatException(
            $"The image '{volumes.Image.Path}' has no Linux root filesystem Pane reads (none holds /sbin/init, /etc/os-release or /boot kernels){(problems.Any() ? ": " + string.Join(" ", problems) : ".")}",
            "Check that the image is a Linux system image with an ext2, ext3 or ext4 root filesystem.");
    }

    private static bool IsBootType(ImageVolume volume) =>
        volume.Partition?.TypeGuid == PartitionTypeNames.LinuxExtendedBoot;

    private static string? PreferredVersion(ILinuxFileSystem fileSystem)
    {
        foreach (var link in new[] { "/vmlinuz", "/boot/vmlinuz" })
        {
            var target = fileSystem.GetEntry(link, followFinalSymlink: false)?.SymlinkTarget;
            var name = target?[(target.LastIndexOf('/') + 1)..];
            if (name is not null && name.StartsWith("vmlinuz-", StringComparison.Ordinal))
            {
                return name["vmlinuz-".Length..];
            }
        }

        return null;
    }

    private static bool Exists(ILinuxFileSystem fileSystem, string path)
    {
        try
        {
            return fileSystem.GetEntry(path) is not null;
        }
        catch (ImageFormatException)
        {
            return false;
        }
    }

    private static string RootArgument(PartitionTable table, ImageVolume root)
    {
        if (root.Partition is { } partition && (table.Scheme == PartitionTableScheme.Gpt || table.DiskId != "00000000"))
        {
            return $"root=PARTUUID={partition.UniqueId}";
        }

        if (root.FileSystem!.Uuid is { } uuid && uuid != Guid.Empty)
        {
            return $"root=UUID={uuid}";
        }

        return root.Partition is { } numbered ? $"root=/dev/vda{numbered.Number}" : "root=/dev/vda";
    }
}
