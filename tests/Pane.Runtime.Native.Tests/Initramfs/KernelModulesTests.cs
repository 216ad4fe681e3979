using System.Text;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Initramfs;

namespace Pane.Runtime.Native.Tests.Initramfs;

public sealed class KernelModulesTests
{
    public sealed class Open
    {
        [Fact]
        public void Finds_the_version_folder_under_a_root_or_takes_it_directly()
        {
            // Given
            using var tree = new ModuleTree();

            // When
            var fromRoot = KernelModules.Open(tree.Root, ModuleTree.Version);
            var direct = KernelModules.Open(Path.Combine(tree.Root, "lib", "modules", ModuleTree.Version), "ignored");

            // Then
            Assert.True(fromRoot.IsBuiltIn("ext4"));
            Assert.False(direct.IsBuiltIn("virtio_mmio"));
        }

        [Fact]
        public void Says_where_to_point_when_no_modules_dep_is_there()
        {
            // Given
            var folder = Directory.CreateTempSubdirectory("pane-nomodules-");
            try
            {
                // When
                var error = Assert.Throws<BootImageException>(() => KernelModules.Open(folder.FullName, "6.1.0-9-amd64"));

                // Then
                Assert.Contains("6.1.0-9-amd64", error.Message, StringComparison.Ordinal);
                Assert.Contains("PANE_GUEST_MODULES", error.Remedy, StringComparison.Ordinal);
            }
            finally
            {
                folder.Delete();
            }
        }
    }

    public sealed class LoadOrder
    {
        [Fact]
        public void Lists_the_dependencies_in_reverse_modules_dep_order_then_the_module()
        {
            // Given
            using var tree = new ModuleTree();
            var modules = KernelModules.Open(tree.Root, ModuleTree.Version);

            // When
            var order = modules.LoadOrder("virtio-mmio");

            // Then
            Assert.Equal(["kernel/drivers/virtio/virtio_ring.ko", "kernel/drivers/virtio/virtio.ko", "kernel/drivers/virtio/virtio_mmio.ko"], order);
        }

        [Fact]
        public void Refuses_a_module_the_kernel_does_not_have()
        {
            // Given
            using var tree = new ModuleTree();
            var modules = KernelModules.Open(tree.Root, ModuleTree.Version);

            // When // Then
            Assert.Throws<BootImageException>(() => modules.LoadOrder("nvme"));
        }
    }

    public sealed class ReadModule
    {
        [Fact]
        public void Decompresses_a_gzip_module_and_refuses_xz()
        {
            // Given
            using var tree = new ModuleTree(compressedExtension: true);
            var modules = KernelModules.Open(tree.Root, ModuleTree.Version);

            // When
            var blk = modules.ReadModule("kernel/drivers/block/virtio_blk.ko.gz");
            var error = Assert.Throws<BootImageException>(() => modules.ReadModule("kernel/drivers/virtio/virtio_mmio.ko.xz"));

            // Then
            Assert.Equal("ELF virtio_blk", Encoding.ASCII.GetString(blk));
            Assert.Contains("virtio_mmio.ko.xz", error.Message, StringComparison.Ordinal);
        }
    }
}
