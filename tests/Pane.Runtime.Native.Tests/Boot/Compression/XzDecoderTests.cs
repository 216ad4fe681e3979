using System.Buffers.Binary;
using Pane.Runtime.Native.Boot.Compression;

namespace Pane.Runtime.Native.Tests.Boot.Compression;

public sealed class XzDecoderTests
{
    public sealed class Decode
    {
        [Theory]
        [InlineData("--check=crc32", "--x86", "--lzma2=preset=9,dict=1MiB")]
        [InlineData("--check=crc64", "--lzma2=preset=6")]
        [InlineData("--check=sha256", "--lzma2=preset=0")]
        [InlineData("--check=none", "--x86", "--lzma2=lc=0,lp=2,pb=0")]
        [InlineData("--check=crc32", "--lzma2=lc=4,lp=0,pb=4,mf=bt4,mode=normal")]
        [InlineData("--check=crc32", "--x86", "--block-size=100KiB", "--lzma2=preset=1")]
        public void Reproduces_what_xz_compressed(params string[] options)
        {
            // Given
            var data = XzTool.KernelLikeData(600_000, seed: options.Length);
            var compressed = XzTool.Compress(data, options);

            // When
            var decoded = XzDecoder.Decode(compressed, data.Length);

            // Then
            Assert.Equal(data, decoded);
        }

        [Fact]
        public void Reproduces_the_kernel_s_layout_of_x86_filter_with_a_start_offset_and_empty_input()
        {
            // Given
            var data = XzTool.KernelLikeData(70_000, seed: 7);
            var compressed = XzTool.Compress(data, "--check=crc32", "--x86=start=4096", "--lzma2=preset=6");
            var empty = XzTool.Compress([], "--check=crc32");

            // When // Then
            Assert.Equal(data, XzDecoder.Decode(compressed, data.Length));
            Assert.Empty(XzDecoder.Decode(empty, 0));
        }

        [Fact]
        public void Refuses_a_stream_that_decodes_to_another_size()
        {
            // Given
            var data = XzTool.KernelLikeData(10_000, seed: 3);
            var compressed = XzTool.Compress(data, "--check=crc32");

            // When
            var shorter = Assert.Throws<InvalidDataException>(() => XzDecoder.Decode(compressed, data.Length - 1));
            var longer = Assert.Throws<InvalidDataException>(() => XzDecoder.Decode(compressed, data.Length + 1));

            // Then
            Assert.Contains("more than", shorter.Message, StringComparison.Ordinal);
            Assert.Contains($"{data.Length} bytes", longer.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Every_flipped_byte_is_an_error_never_wrong_data_or_a_crash()
        {
            // Given
            var data = XzTool.KernelLikeData(20_000, seed: 11);
            var compressed = XzTool.Compress(data, "--check=crc32", "--x86", "--lzma2=preset=6");

            for (var index = 0; index < compressed.Length; index++)
            {
                var damaged = (byte[])compressed.Clone();
                damaged[index] ^= 0x21;

                // When
                var error = Record.Exception(() => XzDecoder.Decode(damaged, data.Length));

                // Then
                Assert.True(error is InvalidDataException, $"byte {index} of {compressed.Length}: {error?.GetType().Name ?? "decoded"}");
            }
        }

        [Fact]
        public void Every_truncation_is_an_error()
        {
            // Given
            var data = XzTool.KernelLikeData(5_000, seed: 5);
            var compressed = XzTool.Compress(data, "--check=crc32");

            for (var length = 0; length < compressed.Length; length++)
            {
                // When
                var error = Record.Exception(() => XzDecoder.Decode(compressed.AsSpan(0, length), data.Length));

                // Then
                Assert.True(error is InvalidDataException, $"{length} of {compressed.Length} bytes: {error?.GetType().Name ?? "decoded"}");
            }
        }

        [Fact]
        public void Refuses_a_filter_it_does_not_decode_naming_it()
        {
            // Given
            var compressed = XzTool.Compress(XzTool.KernelLikeData(5_000, seed: 2), "--check=crc32", "--delta=dist=4", "--lzma2");

            // When
            var error = Assert.Throws<NotSupportedException>(() => XzDecoder.Decode(compressed, 5_000));

            // Then
            Assert.Contains("filter 0x03", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Ignores_what_follows_the_stream_such_as_the_kernel_s_appended_size()
        {
            // Given
            var data = XzTool.KernelLikeData(3_000, seed: 9);
            var compressed = XzTool.Compress(data, "--check=crc32");
            var payload = new byte[compressed.Length + 4];
            compressed.CopyTo(payload, 0);
            BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(compressed.Length), data.Length);

            // When
            var decoded = XzDecoder.Decode(payload, data.Length);

            // Then
            Assert.Equal(data, decoded);
        }
    }
}
