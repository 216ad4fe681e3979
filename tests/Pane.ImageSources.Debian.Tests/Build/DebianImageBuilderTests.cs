using Pane.Host.Platform;
using Pane.ImageSources.Debian.Apt;
using Pane.ImageSources.Debian.Build;
using Pane.Images;

namespace Pane.ImageSources.Debian.Tests.Build;

public sealed class DebianImageBuilderTests
{
    public sealed class BuildAsync
    {
        [Fact]
        public async Task Names_an_unreachable_apt_source_and_leaves_nothing_behind()
        {
            // Given
            if (DebianPrerequisites.FindProblem(DebianHost.Current, Environment.UserName, out var identity) is { } problem)
            {
                Assert.Skip($"This machine cannot build Debian images: {problem.Message}");
            }

            using var destination = new Scratch();
            var closedPort = new DebianMirror("bookworm", [new AptSource("http://127.0.0.1:9/debian", "bookworm", ["main"], null)]);
            var stages = new List<string>();
            var progress = new SynchronousProgress(step => stages.Add(step.Stage));
            var builder = new DebianImageBuilder(new ProcessRunner());

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => builder.BuildAsync(
                closedPort,
                identity!,
                DiskLayout.Create(DiskLayout.DefaultDiskBytes),
                Path.Join(destination.Path, "debian.raw"),
                progress,
                TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("The apt source http://127.0.0.1:9/debian could not be reached to build the Debian bookworm image.", error.Message);
            Assert.Equal([DebianImageBuilder.BootstrapStage], stages);
            Assert.Empty(Directory.EnumerateFileSystemEntries(destination.Path));
        }
    }

    private sealed class SynchronousProgress(Action<TransferProgress> report) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => report(value);
    }
}
