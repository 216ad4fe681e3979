using Pane.ImageSources.Debian.Apt;

namespace Pane.ImageSources.Debian.Tests.Apt;

public sealed class DebianMirrorResolverTests
{
    private const string Keyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    private static readonly AptSource[] s_hostSources =
    [
        new("https://packages.example/apt", "cloud-sdk-bookworm", ["main"], null),
        new("http://mirror.example/debian", "bookworm", ["main", "contrib"], Keyring),
        new("http://mirror.example/debian", "bookworm-updates", ["main"], Keyring),
        new("http://mirror.example/debian-security", "bookworm-security", ["main"], Keyring),
        new("https://node.example/node_20.x", "nodistro", ["main"], null),
        new("http://mirror.example/debian", "bookworm-backports", ["main"], Keyring),
    ];

    public sealed class Choose
    {
        [Fact]
        public void Takes_the_hosts_release_with_its_updates_and_security_suites_and_only_the_main_component()
        {
            // When
            var mirror = DebianMirrorResolver.Choose(s_hostSources, "bookworm", null, "Debian GNU/Linux 12 (bookworm)", "debian");

            // Then
            Assert.Equal("bookworm", mirror.Suite);
            Assert.Equal("http://mirror.example/debian", mirror.PrimaryUri);
            Assert.Equal(
                [
                    $"deb [signed-by={Keyring}] http://mirror.example/debian bookworm main",
                    $"deb [signed-by={Keyring}] http://mirror.example/debian bookworm-updates main",
                    $"deb [signed-by={Keyring}] http://mirror.example/debian-security bookworm-security main",
                ],
                mirror.Lines);
        }

        [Fact]
        public void Builds_another_suite_from_the_hosts_archive_without_the_hosts_companion_suites()
        {
            // When
            var mirror = DebianMirrorResolver.Choose(s_hostSources, "bookworm", "trixie", null, "debian");

            // Then
            Assert.Equal("trixie", mirror.Suite);
            Assert.Equal([$"deb [signed-by={Keyring}] http://mirror.example/debian trixie main"], mirror.Lines);
        }

        [Fact]
        public void Guesses_the_release_from_the_first_plain_suite_when_os_release_has_no_codename()
        {
            // When
            var mirror = DebianMirrorResolver.Choose(s_hostSources, null, null, null, null);

            // Then
            Assert.Equal("bookworm", mirror.Suite);
        }

        [Fact]
        public void Refuses_a_host_that_is_not_debian()
        {
            // When
            var error = Assert.Throws<PaneException>(() => DebianMirrorResolver.Choose(s_hostSources, "noble", null, "Ubuntu 24.04 LTS", "ubuntu"));

            // Then
            Assert.Equal("The debian image source builds from a Debian apt archive, and this host runs Ubuntu 24.04 LTS.", error.Message);
        }

        [Fact]
        public void Says_which_release_has_no_source()
        {
            // When
            var error = Assert.Throws<PaneException>(() => DebianMirrorResolver.Choose(s_hostSources, "trixie", null, null, "debian"));

            // Then
            Assert.Equal(
                "No apt source in /etc/apt/sources.list or /etc/apt/sources.list.d serves Debian trixie with its main component.",
                error.Message);
            Assert.Contains("apt-get update", error.Remedy, StringComparison.Ordinal);
        }
    }

    public sealed class Resolve
    {
        [Fact]
        public void Reads_sources_list_and_the_list_and_sources_files_of_sources_list_d_but_not_other_files()
        {
            // Given
            using var root = new Scratch();
            root.Write("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_CODENAME=bookworm\n");
            root.Write("etc/apt/sources.list", "# empty but for this\n");
            root.Write("etc/apt/sources.list.d/debian.sources", $"Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: {Keyring}\n");
            root.Write("etc/apt/sources.list.d/security.list", "deb http://mirror.example/debian-security bookworm-security main\n");
            root.Write("etc/apt/sources.list.d/old.list.disabled", "deb http://old.example/debian bookworm main\n");
            var host = new DebianHost(root.Path, "/bin");

            // When
            var mirror = DebianMirrorResolver.Resolve(host, null);

            // Then
            Assert.Equal(
                [
                    $"deb [signed-by={Keyring}] http://mirror.example/debian bookworm main",
                    $"deb [signed-by={Keyring}] http://mirror.example/debian bookworm-updates main",
                    "deb http://mirror.example/debian-security bookworm-security main",
                ],
                mirror.Lines);
        }

        [Fact]
        public void Finds_the_archive_of_this_machine()
        {
            // Given
            var release = DebianHost.Current.ReadText("/etc/os-release") ?? string.Empty;
            if (!release.Contains("\nID=debian", StringComparison.Ordinal))
            {
                Assert.Skip("This machine does not run Debian.");
            }

            // When
            var mirror = DebianMirrorResolver.Resolve(DebianHost.Current, null);

            // Then
            Assert.NotEmpty(mirror.Sources);
            Assert.Contains($"VERSION_CODENAME={mirror.Suite}", release, StringComparison.Ordinal);
            Assert.All(mirror.Lines, line => Assert.StartsWith("deb ", line, StringComparison.Ordinal));
        }
    }
}
