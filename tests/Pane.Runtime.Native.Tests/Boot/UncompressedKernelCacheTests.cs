using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Tests.Boot.Compression;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class UncompressedKernelCacheTests
{
    public sealed class GetOrUnpack : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("pane-kernel-cache-").FullName;

        private string Cache => Path.Combine(_folder, "kernels");

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Kernel(byte[] image)
        {
            var path = Path.Combine(_folder, "vmlinuz");
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(image))
            {
                File.WriteAllBytes(path, image);
            }

            return path;
        }

        private static byte[] XzKernel(byte[] vmlinux) =>
            KernelPayloadTests.WithPayload(XzTool.Compress(vmlinux, "--check=crc32", "--x86", "--lzma2"), vmlinux.Length);

        [Fact]
        public void Unpacks_a_kernel_once_and_then_reads_it_from_the_folder()
        {
            // Given
            var vmlinux = SyntheticElf.Kernel();
            var image = XzKernel(vmlinux);
            var cache = new UncompressedKernelCache(Cache);

            // When
            var first = cache.GetOrUnpack(Kernel(image), BzImage.Parse(image));
            var kept = Assert.Single(Directory.GetFiles(Cache));
            File.SetLastWriteTimeUtc(kept, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var second = cache.GetOrUnpack(Kernel(image), BzImage.Parse(image));

            // Then
            Assert.NotNull(first);
            Assert.NotNull(second);
            Assert.Equal(first.Entry, second.Entry);
            Assert.Equal(vmlinux, File.ReadAllBytes(kept));
            Assert.EndsWith(".vmlinux", kept, StringComparison.Ordinal);
            Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(kept));
        }

        [Fact]
        public void A_kernel_file_written_again_is_unpacked_again_into_a_file_of_its_own()
        {
            // Given
            var cache = new UncompressedKernelCache(Cache);
            var first = XzKernel(SyntheticElf.Kernel());
            cache.GetOrUnpack(Kernel(first), BzImage.Parse(first));
            var secondElf = SyntheticElf.Build(0x100_0000, new ElfSegment(0x100_0000, 0x1000, 0x2000, 0x2000));
            var second = XzKernel(secondElf);
            var path = Kernel(second);
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));

            // When
            var kernel = cache.GetOrUnpack(path, BzImage.Parse(second));

            // Then
            Assert.NotNull(kernel);
            Assert.Single(kernel.Segments);
            Assert.Equal(2, Directory.GetFiles(Cache).Length);
        }

        [Fact]
        public void A_kept_file_that_does_not_parse_is_unpacked_again()
        {
            // Given
            var vmlinux = SyntheticElf.Kernel();
            var image = XzKernel(vmlinux);
            var cache = new UncompressedKernelCache(Cache);
            cache.GetOrUnpack(Kernel(image), BzImage.Parse(image));
            var kept = Assert.Single(Directory.GetFiles(Cache));
            File.WriteAllBytes(kept, vmlinux.AsSpan(0, 100).ToArray());

            // When
            var kernel = cache.GetOrUnpack(Kernel(image), BzImage.Parse(image));

            // Then
            Assert.NotNull(kernel);
            Assert.Equal(vmlinux, File.ReadAllBytes(kept));
        }

        [Fact]
        public void A_kernel_its_own_decompressor_must_unpack_is_not_kept()
        {
            // Given
            var image = KernelPayloadTests.WithPayload([0x28, 0xB5, 0x2F, 0xFD, 0, 0, 0, 0], 1000);
            var cache = new UncompressedKernelCache(Cache);

            // When
            var kernel = cache.GetOrUnpack(Kernel(image), BzImage.Parse(image));

            // Then
            Assert.Null(kernel);
            Assert.False(Directory.Exists(Cache));
        }

        [Fact]
        public void A_payload_that_unpacks_to_no_loadable_ELF_is_left_to_the_kernel_and_not_kept()
        {
            // Given
            var notElf = XzTool.KernelLikeData(20_000, seed: 8);
            var image = XzKernel(notElf);

            // When
            var kernel = new UncompressedKernelCache(Cache).GetOrUnpack(Kernel(image), BzImage.Parse(image));

            // Then
            Assert.Null(kernel);
            Assert.False(Directory.Exists(Cache));
        }

        [Fact]
        public void A_damaged_payload_is_a_boot_error_that_names_the_damage()
        {
            // Given
            var vmlinux = SyntheticElf.Kernel();
            var compressed = XzTool.Compress(vmlinux, "--check=crc32", "--lzma2");
            compressed[^20] ^= 0xFF;
            var image = KernelPayloadTests.WithPayload(compressed, vmlinux.Length);

            // When
            var error = Assert.Throws<BootImageException>(() => new UncompressedKernelCache(Cache).GetOrUnpack(Kernel(image), BzImage.Parse(image)));

            // Then
            Assert.Contains("payload is damaged", error.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Cache));
        }

        [Fact]
        public void A_folder_it_cannot_write_still_gives_the_unpacked_kernel()
        {
            // Given
            var vmlinux = SyntheticElf.Kernel();
            var image = XzKernel(vmlinux);
            File.WriteAllText(Cache, "a file where the folder should be");

            // When
            var kernel = new UncompressedKernelCache(Cache).GetOrUnpack(Kernel(image), BzImage.Parse(image));

            // Then
            Assert.NotNull(kernel);
            Assert.Equal(0x100_0000UL, kernel.Entry);
        }
    }
}
