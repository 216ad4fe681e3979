namespace Pane.Host.DiskImages.Boot;

/// <summary>
/// Finds the kernels of a boot folder by each distribution's naming and picks one: Arch's <c>vmlinuz-linux</c>
/// (then <c>-lts</c>, <c>-zen</c>, other flavours) with <c>initramfs-linux.img</c>; Debian's
/// <c>vmlinuz-VER</c> with <c>initrd.img-VER</c>; Fedora's <c>vmlinuz-VER</c> with <c>initramfs-VER.img</c>; the
/// newest version by Debian ordering otherwise.
/// </summary>
internal static class KernelSelector
{
    private const string KernelPrefix = "vmlinuz-";
    private static readonly string[] s_archFlavours = ["linux", "linux-lts", "linux-zen", "linux-hardened", "linux-rt"];

    public static IReadOnlyList<KernelCandidate> FindKernels(ILinuxFileSystem fileSystem, string folder)
    {
        var entry = fileSystem.GetEntry(folder.Length == 0 ? "/" : folder);
        if (entry?.Kind != FileSystemEntryKind.Directory)
        {
            return [];
        }

        var names = fileSystem.ListDirectory(folder.Length == 0 ? "/" : folder)
            .Where(child => child.Kind is FileSystemEntryKind.File or FileSystemEntryKind.SymbolicLink)
            .Select(child => child.Name)
            .ToHashSet(StringComparer.Ordinal);
        var kernels = new List<KernelCandidate>();
        foreach (var name in names.Where(name => name.StartsWith(KernelPrefix, StringComparison.Ordinal)))
        {
            var version = name[KernelPrefix.Length..];
            if (version.Length == 0 || version.Contains("rescue", StringComparison.Ordinal) || version.EndsWith(".old", StringComparison.Ordinal))
            {
                continue;
            }

            var initramfs = new[] { $"initramfs-{version}.img", $"initrd.img-{version}", $"initrd-{version}.img", $"initrd-{version}" }
                .FirstOrDefault(names.Contains);
            kernels.Add(new KernelCandidate(version, $"{folder}/{name}", initramfs is null ? null : $"{folder}/{initramfs}"));
        }

        return kernels;
    }

    public static KernelCandidate? Choose(IReadOnlyList<KernelCandidate> kernels, string? preferredVersion)
    {
        if (kernels.Count == 0)
        {
            return null;
        }

        var preferred = kernels.FirstOrDefault(kernel => kernel.Version == preferredVersion);
        if (preferred is not null)
        {
            return preferred;
        }

        var withInitramfs = kernels.Where(kernel => kernel.InitramfsPath is not null).ToList();
        var pool = withInitramfs.Count > 0 ? withInitramfs : kernels.ToList();
        foreach (var flavour in s_archFlavours)
        {
            var arch = pool.FirstOrDefault(kernel => kernel.Version == flavour);
            if (arch is not null)
            {
                return arch;
            }
        }

        return pool.OrderByDescending(kernel => kernel.Version, DebianVersionComparer.Instance).First();
    }
}
