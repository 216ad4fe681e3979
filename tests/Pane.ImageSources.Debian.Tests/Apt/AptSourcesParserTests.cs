using Pane.ImageSources.Debian.Apt;

namespace Pane.ImageSources.Debian.Tests.Apt;

public sealed class AptSourcesParserTests
{
    public sealed class ParseList
    {
        [Fact]
        public void Reads_binary_lines_with_their_keyring_and_skips_sources_comments_and_broken_lines()
        {
            // Given
            const string text = """
                # the main archive
                deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm main contrib
                deb-src http://mirror.example/debian bookworm main
                deb http://mirror.example/debian-security bookworm-security main # security
                deb [broken http://mirror.example/debian sid main
                deb http://lonely.example/
                  deb	http://tabs.example/debian	trixie	main
                """;

            // When
            var sources = AptSourcesParser.ParseList(text);

            // Then
            Assert.Equal(
                [
                    new AptSource("http://mirror.example/debian", "bookworm", ["main", "contrib"], "/usr/share/keyrings/debian-archive-keyring.gpg"),
                    new AptSource("http://mirror.example/debian-security", "bookworm-security", ["main"], null),
                    new AptSource("http://tabs.example/debian", "trixie", ["main"], null),
                ],
                sources,
                SourceComparer.Instance);
        }
    }

    public sealed class ParseDeb822
    {
        [Fact]
        public void Reads_every_uri_and_suite_of_enabled_binary_stanzas()
        {
            // Given
            const string text = """
                Types: deb
                # a comment inside the stanza
                URIs: http://mirror.example/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

                Types: deb-src
                URIs: http://mirror.example/debian
                Suites: bookworm
                Components: main

                Types: deb
                URIs: http://off.example/debian
                Suites: bookworm
                Components: main
                Enabled: no

                Types: deb deb-src
                URIs: http://mirror.example/debian-security
                Suites: bookworm-security
                Components: main non-free-firmware
                Signed-By:
                 -----BEGIN PGP PUBLIC KEY BLOCK-----
                 .
                 mQINBGPL0BUBEADmW5NdOOHwPIJlgPu6JDcKw/NZJPR8lsD9K7UgrTbMwjV4vsi
                 -----END PGP PUBLIC KEY BLOCK-----
                """;

            // When
            var sources = AptSourcesParser.ParseDeb822(text);

            // Then
            Assert.Equal(
                [
                    new AptSource("http://mirror.example/debian", "bookworm", ["main"], "/usr/share/keyrings/debian-archive-keyring.gpg"),
                    new AptSource("http://mirror.example/debian", "bookworm-updates", ["main"], "/usr/share/keyrings/debian-archive-keyring.gpg"),
                    new AptSource("http://mirror.example/debian-security", "bookworm-security", ["main", "non-free-firmware"], null),
                ],
                sources,
                SourceComparer.Instance);
        }

        [Fact]
        public void Reads_nothing_from_text_without_stanzas()
        {
            // When
            var sources = AptSourcesParser.ParseDeb822("\n\n# only a comment\n  stray continuation\nno colon here\n");

            // Then
            Assert.Empty(sources);
        }
    }
}
