using Pane.Runtime.Native.Boot.Compression;

namespace Pane.Runtime.Native.Tests.Boot.Compression;

public sealed class Lzma2DecoderTests
{
    public sealed class Decode
    {
        /// <summary>A raw LZMA2 stream from xz: its first chunk resets the dictionary and sets properties.</summary>
        private static byte[] RawStream(byte[] data) => XzTool.Compress(data, "--format=raw", "--lzma2=preset=6");

        [Fact]
        public void Decodes_a_raw_stream_from_xz_and_reports_how_much_it_took()
        {
            // Given
            var data = XzTool.KernelLikeData(40_000, seed: 6);
            var stream = RawStream(data);
            var output = new byte[data.Length];
            var position = 0;

            // When
            var taken = new Lzma2Decoder().Decode([.. stream, 0xAA, 0xBB], output, ref position);

            // Then
            Assert.Equal(stream.Length, taken);
            Assert.Equal(data.Length, position);
            Assert.Equal(data, output);
        }

        [Fact]
        public void After_a_stored_chunk_that_resets_the_dictionary_an_LZMA_chunk_must_set_properties()
        {
            // Given
            var stream = RawStream(XzTool.KernelLikeData(2_000, seed: 7));
            byte[] storedWithReset = [0x01, 0x00, 0x00, (byte)'A'];
            byte[] stateResetWithoutProperties = [0xA0, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00];
            byte[] input = [.. stream[..^1], .. storedWithReset, .. stateResetWithoutProperties, 0x00];
            var output = new byte[4_000];
            var position = 0;

            // When
            var error = Assert.Throws<InvalidDataException>(() => new Lzma2Decoder().Decode(input, output, ref position));

            // Then
            Assert.Contains("before any LZMA properties", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_stream_that_does_not_start_with_a_dictionary_reset_is_refused()
        {
            // Given
            byte[] input = [0x02, 0x00, 0x00, (byte)'A', 0x00];
            var position = 0;

            // When
            var error = Assert.Throws<InvalidDataException>(() => new Lzma2Decoder().Decode(input, new byte[16], ref position));

            // Then
            Assert.Contains("dictionary reset", error.Message, StringComparison.Ordinal);
        }
    }
}
