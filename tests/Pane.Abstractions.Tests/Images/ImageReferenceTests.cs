using Pane.Images;

namespace Pane.Abstractions.Tests.Images;

public sealed class ImageReferenceTests
{
    public sealed class Parse
    {
        [Fact]
        public void Reads_a_bare_name_as_a_scheme_without_location()
        {
            // When
            var reference = ImageReference.Parse("Arch");

            // Then
            Assert.Equal(new ImageReference("arch", string.Empty, null), reference);
        }

        [Fact]
        public void Splits_the_scheme_from_the_location_at_the_first_colon()
        {
            // When
            var reference = ImageReference.Parse("file:C:/images/base.qcow2");

            // Then
            Assert.Equal("file", reference.Scheme);
            Assert.Equal("C:/images/base.qcow2", reference.Location);
        }

        [Fact]
        public void Takes_the_sha256_fragment_off_a_url_in_lower_case()
        {
            // Given
            var hash = new string('A', 64);

            // When
            var reference = ImageReference.Parse($"https://example.test/base.img#sha256={hash}");

            // Then
            Assert.Equal("//example.test/base.img", reference.Location);
            Assert.Equal(new string('a', 64), reference.ExpectedSha256);
            Assert.Equal($"https://example.test/base.img#sha256={new string('a', 64)}", reference.ToString());
        }

        [Theory]
        [InlineData("https://example.test/x#sha256=abc")]
        [InlineData("https://example.test/x#sha256=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
        public void Refuses_a_sha256_that_is_not_64_hex_digits(string text)
        {
            // When
            var error = Assert.Throws<ArgumentException>(() => ImageReference.Parse(text));

            // Then
            Assert.Contains("64 hexadecimal digits", error.Message, StringComparison.Ordinal);
        }
    }
}
