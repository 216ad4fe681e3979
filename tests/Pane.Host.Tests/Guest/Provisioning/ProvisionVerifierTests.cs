using Pane.Host.Guest.Provisioning;

namespace Pane.Host.Tests.Guest.Provisioning;

public sealed class ProvisionVerifierTests
{
    private static readonly string[] s_good =
    [
        "pane-check shadow root y 43",
        "pane-check shadow alice 6 86",
        "pane-check passwd-entries alice 1",
        "pane-check groups alice wheel sudo ",
        "pane-check sudoers %wheel ALL=(ALL:ALL) ALL;%sudo ALL=(ALL:ALL) ALL;",
    ];

    public sealed class Check
    {
        [Fact]
        public void Finds_nothing_wrong_when_the_guest_holds_everything()
        {
            // Given
            var output = s_good;

            // When
            var problems = ProvisionVerifier.Check(output, "alice", ["wheel", "sudo"], out var schemes);

            // Then
            Assert.Empty(problems);
            Assert.Equal("y", schemes["root"]);
            Assert.Equal("6", schemes["alice"]);
        }

        [Fact]
        public void Reports_a_locked_root_a_duplicated_user_a_missing_group_and_a_missing_grant()
        {
            // Given
            string[] output =
            [
                "pane-check shadow root none 0",
                "pane-check shadow alice 6 86",
                "pane-check passwd-entries alice 2",
                "pane-check groups alice wheel ",
                "pane-check sudoers %wheel ALL=(ALL:ALL) ALL;",
            ];

            // When
            var problems = ProvisionVerifier.Check(output, "alice", ["wheel", "sudo"], out _);

            // Then
            Assert.Equal(
                [
                    "'root' has no real password hash in /etc/shadow.",
                    "/etc/passwd holds 2 entries for 'alice', not exactly one.",
                    "'alice' is not a member of the group 'sudo'.",
                    "The sudoers drop-in /etc/sudoers.d/10-pane-admins does not grant the group 'sudo'.",
                ],
                problems);
        }

        [Fact]
        public void Reports_an_account_the_guest_did_not_mention_and_a_truncated_hash()
        {
            // Given
            string[] output = ["pane-check shadow root 1 4"];

            // When
            var problems = ProvisionVerifier.Check(output, "alice", ["wheel"], out _);

            // Then
            Assert.Contains("'root' has no real password hash in /etc/shadow.", problems);
            Assert.Contains("The guest did not report the /etc/shadow entry of 'alice'.", problems);
            Assert.Contains("'alice' is not a member of the group 'wheel'.", problems);
        }
    }
}
