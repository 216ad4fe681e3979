using System.IO.Compression;

namespace Pane.Runtime.Native.Initramfs;

/// <summary>
/// A kernel's module tree, <c>lib/modules/&lt;version&gt;</c>, read through <c>modules.dep</c> and
/// <c>modules.builtin</c>: which modules a module needs, in load order, and which are built into the kernel.
/// </summary>
internal sealed class KernelModules
{
    private readonly string _directory;
    private readonly Dictionary<string, (string Path, IReadOnlyList<string> Dependencies)> _modules;
    private readonly HashSet<string> _builtIn;

    private KernelModules(string directory, Dictionary<string, (string, IReadOnlyList<string>)> modules, HashSet<string> builtIn)
    {
        _directory = directory;
        _modules = modules;
        _builtIn = builtIn;
    }

    /// <summary>Finds and reads the module tree of a kernel version.</summary>
    /// <param name="root">A folder holding <c>lib/modules/&lt;version&gt;</c> (an extracted kernel package or a root filesystem), or the version folder itself.</param>
    /// <param name="version">The kernel version, as <see cref="Boot.BzImage.KernelVersion"/> reports it.</param>
    /// <returns>The modules.</returns>
    /// <exception cref="Boot.BootImageException">No <c>modules.dep</c> for that version is there.</exception>
    public static KernelModules Open(string root, string version)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(version);
        var candidates = new[] { Path.Combine(root, "lib", "modules", version), Path.Combine(root, version), root };
        var directory = candidates.FirstOrDefault(candidate => File.Exists(Path.Combine(candidate, "modules.dep")))
            ?? throw new Boot.BootImageException(
                $"No modules.dep for kernel {version} under '{root}'.",
                "Point PANE_GUEST_MODULES at a folder holding lib/modules/<version> of the guest's kernel (an extracted kernel package).");

        var modules = new Dictionary<string, (string, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "modules.dep")))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var path = line[..colon].Trim();
            var dependencies = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            modules[NameOf(path)] = (path, dependencies);
        }

        var builtInPath = Path.Combine(directory, "modules.builtin");
        var builtIn = File.Exists(builtInPath)
            ? File.ReadLines(builtInPath).Where(line => line.Length > 0).Select(NameOf).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new KernelModules(directory, modules, builtIn);
    }

    /// <summary>Tells whether a module is compiled into the kernel.</summary>
    /// <param name="name">The module's name, such as <c>virtio_mmio</c>.</param>
    /// <returns><see langword="true"/> when it is built in.</returns>
    public bool IsBuiltIn(string name) => _builtIn.Contains(Canonical(name));

    /// <summary>Lists a loadable module and the loadable modules it needs, each before those needing it.</summary>
    /// <param name="name">The module's name.</param>
    /// <returns>The modules' paths relative to the tree, in load order.</returns>
    /// <exception cref="Boot.BootImageException">The kernel has no such module.</exception>
    public IReadOnlyList<string> LoadOrder(string name)
    {
        if (!_modules.TryGetValue(Canonical(name), out var module))
        {
            throw new Boot.BootImageException($"The guest kernel has no module '{name}'.", "Use a kernel that builds it, as a module or into the kernel.");
        }

        var order = new List<string>();
        for (var index = module.Dependencies.Count - 1; index >= 0; index--)
        {
            if (!order.Contains(module.Dependencies[index]))
            {
                order.Add(module.Dependencies[index]);
            }
        }

        order.Add(module.Path);
        return order;
    }

    /// <summary>Reads a module file, decompressing a gzip-compressed one.</summary>
    /// <param name="path">The path relative to the tree, from <see cref="LoadOrder"/>.</param>
    /// <returns>The module's ELF bytes.</returns>
    /// <exception cref="Boot.BootImageException">The module is compressed in a way Pane cannot undo.</exception>
    public byte[] ReadModule(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.Combine(_directory, path);
        if (path.EndsWith(".ko", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(full);
        }

        if (path.EndsWith(".ko.gz", StringComparison.Ordinal))
        {
            using var input = new GZipStream(File.OpenRead(full), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }

        throw new Boot.BootImageException(
            $"The module '{path}' is compressed in a format Pane does not decompress (it reads .ko and .ko.gz).",
            "Decompress the guest kernel's modules (xz -d or zstd -d) in the folder PANE_GUEST_MODULES names.");
    }

    /// <summary>Gets a module's name from its path: the file name up to <c>.ko</c>, dashes as underscores.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The name.</returns>
    public static string NameOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = path[(path.LastIndexOf('/') + 1)..];
        var dot = file.IndexOf(".ko", StringComparison.Ordinal);
        return Canonical(dot < 0 ? file : file[..dot]);
    }

    private static string Canonical(string name) => name.Replace('-', '_');
}
