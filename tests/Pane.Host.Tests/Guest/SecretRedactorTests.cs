using Pane.Host.Guest;

namespace Pane.Host.Tests.Guest;

public sealed class SecretRedactorTests
{
    public sealed class Redact
    {
        [Fact]
        public void Replaces_every_occurrence_of_every_secret_longest_first()
        {
            // Given
            var redactor = new SecretRedactor(["hunter22", "hunter22-root", string.Empty]);

            // When
            var text = redactor.Redact("root:hunter22-root alice:hunter22 again hunter22");

            // Then
            Assert.Equal("root:[redacted] alice:[redacted] again [redacted]", text);
        }

        [Fact]
        public void Leaves_text_alone_without_secrets()
        {
            // Given
            var redactor = SecretRedactor.None;

            // When
            var text = redactor.Redact("nothing to hide");

            // Then
            Assert.Equal("nothing to hide", text);
        }
    }
}
