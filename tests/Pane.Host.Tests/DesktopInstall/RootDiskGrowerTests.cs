using Pane.Host.DesktopInstall;
using Pane.Host.DiskImages;
using Pane.Host.Platform;
using Pane.Host.Tests.DiskImages;
using Pane.Machines;
using Pane.Platform;

namespace Pane.Host.Tests.DesktopInstall;

/// <summary>The root overlay grown with the real qemu-img, over a real raw base image that must stay as it was.</summary>
public sealed class RootDiskGrowerTests
{
    private const long GiB = 1024L * 1024 * 1024;

    private static RootDiskGrower Grower() => new(new ProcessRunner(), new HostPlatform());

    private static string RawImage(ScratchDirectory scratch, long bytes)
    {
        var path = scratch.File("base.raw");
        using var file = File.Create(path);
        file.SetLength(bytes);
        return path;
    }

    public sealed class EnsureAsync
    {
        [Fact]
        public async Task Creates_the_overlay_at_the_size_wanted_in_the_folder_of_a_machine_that_never_ran()
        {
            // Given
            using var scratch = new ScratchDirectory();
            var image = RawImage(scratch, 2 * GiB);
            var overlay = Path.Combine(scratch.Path, "vms", "default", "root.qcow2");

            // When
            var (before, grown) = await Grower().EnsureAsync(overlay, image, 3, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal((2 * GiB, true), (before, grown));
            using var disk = DiskImage.Open(overlay);
            Assert.Equal(DiskFormat.Qcow2, disk.Format);
            Assert.Equal(3 * GiB, disk.VirtualSize);
            Assert.Equal([Path.GetFullPath(image)], disk.BackingChain);
            Assert.Equal(2 * GiB, new FileInfo(image).Length);
            Assert.False(File.Exists(overlay + ".partial"));
        }

        [Fact]
        public async Task Resizes_an_existing_overlay_and_leaves_a_big_enough_one_alone()
        {
            // Given
            using var scratch = new ScratchDirectory();
            var image = RawImage(scratch, 2 * GiB);
            var overlay = scratch.File("root.qcow2");
            await Grower().EnsureAsync(overlay, image, 3, TestContext.Current.CancellationToken);

            // When
            var grown = await Grower().EnsureAsync(overlay, image, 4, TestContext.Current.CancellationToken);
            var again = await Grower().EnsureAsync(overlay, image, 2, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal((3 * GiB, true), grown);
            Assert.Equal((4 * GiB, false), again);
            Assert.Equal(4 * GiB, RootDiskGrower.SizeOf(overlay, image));
        }
    }
}
