using Pane.Host.Guest.Provisioning;

namespace Pane.Host.Tests.Guest.Provisioning;

public sealed class PasswordGeneratorTests
{
    public sealed class Generate
    {
        [Fact]
        public void Makes_distinct_printable_passwords_of_24_characters_without_colons_quotes_or_spaces_and_never_starting_like_an_option()
        {
            // Given
            const int Count = 200;

            // When
            var passwords = Enumerable.Range(0, Count).Select(_ => PasswordGenerator.Generate()).ToList();

            // Then
            Assert.All(passwords, password => Assert.Equal(24, password.Length));
            Assert.All(passwords, password => Assert.DoesNotContain(password, character => char.IsControl(character) || character is ':' or '\'' or '"' or ' ' or '\\'));
            Assert.All(passwords, password => Assert.True(char.IsAsciiLetterOrDigit(password[0]), password));
            Assert.Equal(Count, passwords.Distinct(StringComparer.Ordinal).Count());
            Assert.True(passwords.SelectMany(password => password).Distinct().Count() > 50, "The passwords should draw on the whole alphabet.");
        }
    }
}
