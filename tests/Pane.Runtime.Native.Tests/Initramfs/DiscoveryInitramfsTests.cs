using System.Diagnostics;
using System.Runtime.Versioning;
using Pane.Runtime.Native.Initramfs;

namespace Pane.Runtime.Native.Tests.Initramfs;

public sealed class DiscoveryInitramfsTests
{
    [SupportedOSPlatform("linux")]
    public sealed class Build
    {
        [Fact]
        public void Appends_the_modules_a_load_order_and_pane_init_after_the_original_archive()
        {
            // Given
            using var tree = new ModuleTree();
            var modules = KernelModules.Open(tree.Root, ModuleTree.Version);
            var original = new byte[] { 0x1F, 0x8B, 8, 0, 1, 2, 3 };

            // When
            var (initramfs, argument) = DiscoveryInitramfs.Build(original, modules);

            // Then
            Assert.Equal("rdinit=/pane-init", argument);
            Assert.Equal(original, initramfs[..original.Length]);
            var appended = initramfs[8..];
            Assert.Equal(0, initramfs.Length % 4);
            var folder = Directory.CreateTempSubdirectory("pane-discovery-");
            try
            {
                CpioTool.Run(appended, "-idm --quiet", folder.FullName);
                var pane = Path.Combine(folder.FullName, "lib/modules/pane");
                Assert.Equal("virtio_ring.ko\nvirtio.ko\nvirtio_mmio.ko\n", File.ReadAllText(Path.Combine(pane, "load-order")));
                Assert.Equal("ELF virtio_mmio", File.ReadAllText(Path.Combine(pane, "virtio_mmio.ko")));
                Assert.True(File.GetUnixFileMode(Path.Combine(folder.FullName, "pane-init")).HasFlag(UnixFileMode.UserExecute));
                Assert.True(Directory.Exists(Path.Combine(folder.FullName, "proc")));
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        [Fact]
        public void Leaves_the_initramfs_alone_when_the_driver_is_built_in()
        {
            // Given
            using var tree = new ModuleTree(virtioMmioBuiltIn: true);
            var modules = KernelModules.Open(tree.Root, ModuleTree.Version);
            var original = new byte[] { 1, 2, 3 };

            // When
            var (initramfs, argument) = DiscoveryInitramfs.Build(original, modules);

            // Then
            Assert.Same(original, initramfs);
            Assert.Null(argument);
        }
    }

    [SupportedOSPlatform("linux")]
    public sealed class InitScript
    {
        [Fact]
        public void Passes_every_device_from_the_command_line_to_the_bus_module_and_runs_the_original_init()
        {
            // Given: the script run by a real shell over a fake root whose commands record their arguments
            var root = Directory.CreateTempSubdirectory("pane-init-");
            try
            {
                var bin = Directory.CreateDirectory(Path.Combine(root.FullName, "bin")).FullName;
                var log = Path.Combine(root.FullName, "log");
                foreach (var command in new[] { "mount", "umount", "insmod" })
                {
                    File.WriteAllText(Path.Combine(bin, command), $"#!/bin/sh\necho {command} \"$@\" >> {log}\n");
                    File.SetUnixFileMode(Path.Combine(bin, command), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
                }

                var cmdline = Path.Combine(root.FullName, "cmdline");
                File.WriteAllText(cmdline, "console=ttyS0 virtio_mmio.device=4K@0xd0000000:5 root=/dev/vda1 virtio_mmio.device=4K@0xd0001000:6\n");
                var loadOrder = Path.Combine(root.FullName, "load-order");
                File.WriteAllText(loadOrder, "virtio.ko\nvirtio_mmio.ko\n");
                var script = DiscoveryInitramfs.InitScript()
                    .Replace("export PATH=/sbin:/usr/sbin:/bin:/usr/bin", $"export PATH={bin}:/usr/bin:/bin", StringComparison.Ordinal)
                    .Replace("/proc/cmdline", cmdline, StringComparison.Ordinal)
                    .Replace("$(cat /lib/modules/pane/load-order)", $"$(cat {loadOrder})", StringComparison.Ordinal)
                    .Replace("exec /init", $"echo init >> {log}; exit 0; exec /init", StringComparison.Ordinal);
                var path = Path.Combine(root.FullName, "pane-init");
                File.WriteAllText(path, script);

                // When
                using var shell = Process.Start(new ProcessStartInfo("/bin/sh", [path]) { RedirectStandardOutput = true })!;
                var output = shell.StandardOutput.ReadToEnd();
                shell.WaitForExit();

                // Then
                Assert.Equal(0, shell.ExitCode);
                Assert.Contains(DiscoveryInitramfs.LoadedLine, output, StringComparison.Ordinal);
                Assert.Equal(
                    [
                        "mount -t proc proc /proc",
                        "umount /proc",
                        "insmod /lib/modules/pane/virtio.ko",
                        "insmod /lib/modules/pane/virtio_mmio.ko device=4K@0xd0000000:5 device=4K@0xd0001000:6",
                        "init",
                    ],
                    File.ReadAllLines(log));
            }
            finally
            {
                root.Delete(recursive: true);
            }
        }
    }
}
