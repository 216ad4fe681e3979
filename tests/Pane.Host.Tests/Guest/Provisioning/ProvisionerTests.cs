using Pane.Host.Guest;
using Pane.Host.Guest.Provisioning;

namespace Pane.Host.Tests.Guest.Provisioning;

public sealed class ProvisionerTests
{
    private static ProvisionRequest Request(string? username = null, string? password = null, string? rootPassword = null) => new()
    {
        Machine = new GuestMachineRequest(),
        Username = username,
        Password = password,
        RootPassword = rootPassword,
    };

    public sealed class Validate
    {
        [Theory]
        [InlineData("root")]
        [InlineData("Alice")]
        [InlineData("1alice")]
        [InlineData("al ice")]
        [InlineData("alice;reboot")]
        [InlineData("a-name-that-is-far-too-long-for-a-unix-user")]
        public void Refuses_a_user_name_a_distribution_would_refuse(string username)
        {
            // Given
            var request = Request(username);

            // When
            var failure = Assert.Throws<PaneException>(() => Provisioner.Validate(request));

            // Then
            Assert.Equal($"'{username}' cannot be the sudo user's name.", failure.Message);
        }

        [Theory]
        [InlineData("short")]
        [InlineData("long enough\nbut two lines")]
        [InlineData("ctrl-u\u0015inside")]
        public void Refuses_a_password_that_is_short_or_holds_control_characters(string password)
        {
            // Given
            var request = Request("alice", password);

            // When
            var failure = Assert.Throws<PaneException>(() => Provisioner.Validate(request));

            // Then
            Assert.StartsWith("The password given with --password is shorter than 8 characters or holds control characters", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_password_without_a_user()
        {
            // Given
            var request = Request(password: "correct horse battery");

            // When
            var failure = Assert.Throws<PaneException>(() => Provisioner.Validate(request));

            // Then
            Assert.Equal("--password was given without --username.", failure.Message);
        }

        [Fact]
        public void Accepts_a_usual_user_and_passwords_with_spaces_and_symbols()
        {
            // Given
            var request = Request("dev_user-1", "correct horse: battery 'staple'", "r00t pass\"word");

            // When
            var exception = Record.Exception(() => Provisioner.Validate(request));

            // Then
            Assert.Null(exception);
        }
    }
}
