using Pane.Images;
using Pane.Platform;

namespace Pane.ImageSources.Debian.Tests;

public sealed class DebianImageSourceTests
{
    private static DebianImageSource SourceOn(Scratch root) =>
        new(Substitute.For<IProcessRunner>(), new DebianHost(root.Path, "/usr/bin"), "ann");

    public sealed class CanAcquire
    {
        [Theory]
        [InlineData("debian", true)]
        [InlineData("debian:bookworm", true)]
        [InlineData("DEBIAN:trixie", true)]
        [InlineData("debian:Bookworm", false)]
        [InlineData("debian:../etc", false)]
        [InlineData("arch", false)]
        [InlineData("file:/tmp/debian.raw", false)]
        public void Takes_debian_and_debian_with_a_suite_name(string reference, bool expected)
        {
            // Given
            var source = new DebianImageSource(Substitute.For<IProcessRunner>());

            // When
            var accepted = source.CanAcquire(ImageReference.Parse(reference));

            // Then
            Assert.Equal(expected, accepted);
            Assert.Equal("debian", source.Id);
        }
    }

    public sealed class FindProblem
    {
        [Fact]
        public void Says_to_install_mmdebstrap_on_a_host_without_it()
        {
            // Given
            using var root = new Scratch();
            var source = SourceOn(root);

            // When
            var problem = source.FindProblem();

            // Then
            Assert.Equal("mmdebstrap, which builds the Debian image, is not installed.", problem?.Message);
        }
    }

    public sealed class AcquireAsync
    {
        [Fact]
        public async Task Refuses_a_sha256_that_a_build_cannot_promise()
        {
            // Given
            using var root = new Scratch();
            var reference = ImageReference.Parse("debian#sha256=" + new string('a', 64));

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() =>
                SourceOn(root).AcquireAsync(reference, root.Path, null, TestContext.Current.CancellationToken));

            // Then
            Assert.StartsWith("'debian#sha256=aaaa", error.Message, StringComparison.Ordinal);
            Assert.Contains("Drop the #sha256= part", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Throws_the_hosts_problem_before_running_anything()
        {
            // Given
            using var root = new Scratch();
            var runner = Substitute.For<IProcessRunner>();
            var source = new DebianImageSource(runner, new DebianHost(root.Path, "/usr/bin"), "ann");

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() =>
                source.AcquireAsync(ImageReference.Parse("debian"), root.Path, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Contains("mmdebstrap", error.Message, StringComparison.Ordinal);
            await runner.DidNotReceiveWithAnyArgs().RunAsync(default!, TestContext.Current.CancellationToken);
        }

        [Fact]
        public async Task Refuses_a_reference_of_another_source()
        {
            // Given
            using var root = new Scratch();

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() =>
                SourceOn(root).AcquireAsync(ImageReference.Parse("arch"), root.Path, null, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("'arch' is not a Debian image reference.", error.Message);
        }
    }
}
