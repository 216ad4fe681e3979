using System.Text;
using Pane.Runtime.WslBridge.Cli;

namespace Pane.Runtime.WslBridge.Tests.Cli;

public sealed class WslOutputTests
{
    public sealed class Decode
    {
        [Fact]
        public void Reads_UTF16LE_without_a_byte_order_mark()
        {
            // When
            var text = WslOutput.Decode(WslSamples.Utf16(WslSamples.StoreStatus));

            // Then
            Assert.Equal("Default Distribution: Ubuntu\nDefault Version: 2\n", text);
        }

        [Fact]
        public void Reads_UTF16LE_with_a_byte_order_mark()
        {
            // When
            var text = WslOutput.Decode(WslSamples.Utf16WithBom(WslSamples.StoreStatus));

            // Then
            Assert.Equal("Default Distribution: Ubuntu\nDefault Version: 2\n", text);
        }

        [Fact]
        public void Reads_UTF8_with_and_without_a_byte_order_mark()
        {
            // Given
            var plain = WslSamples.Utf8("Standardverteilung: Übuntu\r\n");
            byte[] marked = [.. Encoding.UTF8.GetPreamble(), .. plain];

            // When
            var fromPlain = WslOutput.Decode(plain);
            var fromMarked = WslOutput.Decode(marked);

            // Then
            Assert.Equal("Standardverteilung: Übuntu\n", fromPlain);
            Assert.Equal(fromPlain, fromMarked);
        }

        [Fact]
        public void Strips_NUL_characters_left_in_the_text()
        {
            // Given
            byte[] bytes = [.. WslSamples.Utf16("Default Version: 2\r\n"), 0, 0, 0, 0];

            // When
            var text = WslOutput.Decode(bytes);

            // Then
            Assert.Equal("Default Version: 2\n", text);
        }

        [Fact]
        public void Strips_NUL_bytes_from_UTF8_too()
        {
            // When
            var text = WslOutput.Decode([(byte)'o', (byte)'k', 0, (byte)'\n']);

            // Then
            Assert.Equal("ok\n", text);
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { 0x41 })]
        [InlineData(new byte[] { 0xFF, 0xFE, 0x41 })]
        [InlineData(new byte[] { 0xD8, 0x00, 0xDC })]
        public void Never_throws_on_short_or_broken_input(byte[] bytes)
        {
            // When
            var text = WslOutput.Decode(bytes);

            // Then
            Assert.DoesNotContain('\0', text);
        }
    }

    public sealed class Fields
    {
        [Fact]
        public void Keys_ignore_case_and_spaces()
        {
            // When
            var fields = WslOutput.Fields("DefaultVersion : 2\nDefault Distribution: Ubuntu-20.04\n");

            // Then
            Assert.Equal("2", fields["defaultversion"]);
            Assert.Equal("Ubuntu-20.04", fields["defaultdistribution"]);
        }

        [Fact]
        public void Keeps_colons_in_values_and_skips_lines_without_a_name()
        {
            // When
            var fields = WslOutput.Fields(": nothing\nDXCore version: 10.0.25131.1002-220531-1700.rs-onecore\nsee: https://aka.ms/wsl2\n");

            // Then
            Assert.Equal(["dxcoreversion", "see"], fields.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("https://aka.ms/wsl2", fields["see"]);
        }
    }
}
