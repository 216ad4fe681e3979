using Pane.ImageSources.Debian.Apt;
using Pane.ImageSources.Debian.Build;
using Pane.Platform;

namespace Pane.ImageSources.Debian.Tests.Build;

public sealed class BootstrapFailureTests
{
    private static readonly DebianMirror s_mirror = new("bookworm", [new AptSource("http://mirror.example/debian", "bookworm", ["main"], null)]);

    private static ProcessResult Failed(string standardError) =>
        new(new ProcessCommand("mmdebstrap", []), 1, ReadOnlyMemory<byte>.Empty, standardError);

    public sealed class Explain
    {
        [Fact]
        public void Names_the_apt_source_that_could_not_be_reached()
        {
            // When
            var error = BootstrapFailure.Explain(
                Failed("I: running apt-get update...\nE: Failed to fetch http://mirror.example/debian/dists/bookworm/InRelease  Could not connect to mirror.example:80\nE: apt-get update -oAPT::Status-Fd=<$fd> -oDpkg::Use-Pty=false --error-on=any failed\n"),
                s_mirror);

            // Then
            Assert.Equal("The apt source http://mirror.example/debian could not be reached to build the Debian bookworm image.", error.Message);
        }

        [Fact]
        public void Names_a_package_the_source_lacks()
        {
            // When
            var error = BootstrapFailure.Explain(Failed("E: Unable to locate package linux-image-amd64\n"), s_mirror);

            // Then
            Assert.Equal("The apt source http://mirror.example/debian has no package 'linux-image-amd64' for Debian bookworm.", error.Message);
        }

        [Fact]
        public void Explains_a_user_namespace_that_could_not_be_made()
        {
            // When
            var error = BootstrapFailure.Explain(Failed("newuidmap: write to uid_map failed: Operation not permitted\nE: newuidmap 1000 0 1000 1 failed\n"), s_mirror);

            // Then
            Assert.Equal("mmdebstrap could not create the user namespace the Debian image is built in.", error.Message);
            Assert.Contains("sysctl", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Quotes_the_last_error_line_otherwise()
        {
            // When
            var error = BootstrapFailure.Explain(Failed("I: working\nE: first thing\nE: setup failed: E: hook exited with 3.\n"), s_mirror);

            // Then
            Assert.Equal("mmdebstrap could not build the Debian bookworm system: setup failed: E: hook exited with 3.", error.Message);
        }

        [Fact]
        public void Gives_the_exit_code_when_nothing_was_printed()
        {
            // When
            var error = BootstrapFailure.Explain(Failed(string.Empty), s_mirror);

            // Then
            Assert.Equal("mmdebstrap could not build the Debian bookworm system: it exited with code 1.", error.Message);
        }
    }
}
