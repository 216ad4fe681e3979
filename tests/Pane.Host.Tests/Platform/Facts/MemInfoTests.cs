using Pane.Host.Platform.Facts;

namespace Pane.Host.Tests.Platform.Facts;

public sealed class MemInfoTests
{
    public sealed class ParseTotalBytes
    {
        [Fact]
        public void Reads_MemTotal_in_kibibytes()
        {
            // Given
            const string Text = "MemTotal:        8130220 kB\nMemFree:         1202484 kB\nMemAvailable:    6466884 kB\n";

            // When
            var total = MemInfo.ParseTotalBytes(Text);

            // Then
            Assert.Equal(8130220L * 1024, total);
        }

        [Fact]
        public void Finds_MemTotal_wherever_it_is()
        {
            // Given
            const string Text = "MemFree:         1202484 kB\nMemTotal:        2048 kB\n";

            // When
            var total = MemInfo.ParseTotalBytes(Text);

            // Then
            Assert.Equal(2048L * 1024, total);
        }

        [Theory]
        [InlineData("")]
        [InlineData("MemFree:         1202484 kB\n")]
        [InlineData("MemTotal:        lots kB\n")]
        [InlineData("MemTotal:        -5 kB\n")]
        [InlineData("MemTotal:        99999999999999999999 kB\n")]
        [InlineData("MemTotal:\n")]
        public void Gives_nothing_for_a_missing_or_malformed_line(string text)
        {
            // Given the text

            // When
            var total = MemInfo.ParseTotalBytes(text);

            // Then
            Assert.Null(total);
        }
    }
}
