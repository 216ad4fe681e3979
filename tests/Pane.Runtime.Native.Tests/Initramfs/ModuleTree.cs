using System.IO.Compression;

namespace Pane.Runtime.Native.Tests.Initramfs;

/// <summary>A small lib/modules/&lt;version&gt; tree laid out as depmod writes it, in a temporary folder.</summary>
internal sealed class ModuleTree : IDisposable
{
    public const string Version = "6.1.0-test-amd64";

    public ModuleTree(bool virtioMmioBuiltIn = false, bool compressedExtension = false)
    {
        Root = Directory.CreateTempSubdirectory("pane-modules-").FullName;
        var tree = Path.Combine(Root, "lib", "modules", Version);
        var mmio = compressedExtension ? "kernel/drivers/virtio/virtio_mmio.ko.xz" : "kernel/drivers/virtio/virtio_mmio.ko";
        Directory.CreateDirectory(Path.Combine(tree, "kernel/drivers/virtio"));
        Directory.CreateDirectory(Path.Combine(tree, "kernel/drivers/block"));
        File.WriteAllText(Path.Combine(tree, "kernel/drivers/virtio/virtio.ko"), "ELF virtio");
        File.WriteAllText(Path.Combine(tree, "kernel/drivers/virtio/virtio_ring.ko"), "ELF virtio_ring");
        File.WriteAllText(Path.Combine(tree, mmio), "ELF virtio_mmio");
        using (var gzip = new GZipStream(File.Create(Path.Combine(tree, "kernel/drivers/block/virtio_blk.ko.gz")), CompressionLevel.Fastest))
        {
            gzip.Write("ELF virtio_blk"u8);
        }

        File.WriteAllText(Path.Combine(tree, "modules.dep"), string.Join('\n',
            "kernel/drivers/virtio/virtio.ko:",
            "kernel/drivers/virtio/virtio_ring.ko:",
            $"{mmio}: kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko",
            "kernel/drivers/block/virtio_blk.ko.gz: kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko",
            ""));
        File.WriteAllText(Path.Combine(tree, "modules.builtin"), virtioMmioBuiltIn ? "kernel/drivers/virtio/virtio_mmio.ko\nkernel/fs/ext4/ext4.ko\n" : "kernel/fs/ext4/ext4.ko\n");
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
