using System.Buffers.Binary;
using System.IO.Compression;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Tests.Boot.Compression;
using Pane.Tests.Fixtures;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class KernelPayloadTests
{
    /// <summary>A synthetic bzImage whose payload is <paramref name="payload"/> followed by the kernel's appended size.</summary>
    internal static byte[] WithPayload(byte[] payload, int uncompressedSize)
    {
        var image = SyntheticKernel.Build(kernelSize: 0x400 + payload.Length + 4);
        var setupSize = BzImage.Parse(image).SetupSize;
        payload.CopyTo(image, setupSize + 0x400);
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(setupSize + 0x400 + payload.Length), uncompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(BzImage.PayloadOffsetField), 0x400);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(BzImage.PayloadLengthField), (uint)payload.Length + 4);
        return image;
    }

    public sealed class Decompress
    {
        [Fact]
        public void Unpacks_the_fixture_s_Debian_kernel_to_a_loadable_vmlinux()
        {
            // Given
            var kernel = BzImage.Parse(File.ReadAllBytes(GuestImage.Shared.Kernel));

            // When
            var unpacked = KernelPayload.Decompress(kernel);

            // Then
            Assert.NotNull(unpacked);
            var vmlinux = ElfKernel.Parse(unpacked);
            var start = vmlinux.Segments.Min(segment => segment.PhysicalAddress);
            Assert.Equal(kernel.PreferredAddress, start);
            Assert.Equal(start, vmlinux.Entry);
            Assert.True(vmlinux.End - start <= kernel.InitSize, $"the kernel takes 0x{vmlinux.End - start:x} bytes; init_size is 0x{kernel.InitSize:x}");
        }

        [Fact]
        public void Unpacks_an_XZ_payload_with_the_x86_filter()
        {
            // Given
            var data = XzTool.KernelLikeData(50_000, seed: 1);
            var kernel = BzImage.Parse(WithPayload(XzTool.Compress(data, "--check=crc32", "--x86", "--lzma2"), data.Length));

            // When
            var unpacked = KernelPayload.Decompress(kernel);

            // Then
            Assert.Equal(data, unpacked);
        }

        [Fact]
        public void Unpacks_a_gzip_payload()
        {
            // Given
            var data = XzTool.KernelLikeData(50_000, seed: 2);
            var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(data);
            }

            var kernel = BzImage.Parse(WithPayload(compressed.ToArray(), data.Length));

            // When
            var unpacked = KernelPayload.Decompress(kernel);

            // Then
            Assert.Equal(data, unpacked);
        }

        [Fact]
        public void Leaves_a_zstd_payload_to_the_kernel()
        {
            // Given
            var kernel = BzImage.Parse(WithPayload([0x28, 0xB5, 0x2F, 0xFD, 0, 0, 0, 0], 1000));

            // When
            var unpacked = KernelPayload.Decompress(kernel);

            // Then
            Assert.Null(unpacked);
        }

        [Fact]
        public void Leaves_an_XZ_payload_with_a_filter_Pane_does_not_decode_to_the_kernel()
        {
            // Given
            var data = XzTool.KernelLikeData(5_000, seed: 4);
            var kernel = BzImage.Parse(WithPayload(XzTool.Compress(data, "--check=crc32", "--delta=dist=4", "--lzma2"), data.Length));

            // When
            var unpacked = KernelPayload.Decompress(kernel);

            // Then
            Assert.Null(unpacked);
        }

        [Fact]
        public void Refuses_a_damaged_XZ_payload()
        {
            // Given
            var data = XzTool.KernelLikeData(50_000, seed: 3);
            var compressed = XzTool.Compress(data, "--check=crc32", "--x86", "--lzma2");
            compressed[compressed.Length / 2] ^= 0x40;
            var kernel = BzImage.Parse(WithPayload(compressed, data.Length));

            // When // Then
            Assert.Throws<InvalidDataException>(() => KernelPayload.Decompress(kernel));
        }

        [Fact]
        public void Refuses_a_payload_that_claims_more_than_512_MiB()
        {
            // Given
            var kernel = BzImage.Parse(WithPayload(XzTool.Compress([1, 2, 3], "--check=crc32"), KernelPayload.MaxUncompressedSize + 1));

            // When
            var error = Assert.Throws<InvalidDataException>(() => KernelPayload.Decompress(kernel));

            // Then
            Assert.Contains("more than", error.Message, StringComparison.Ordinal);
        }
    }
}
