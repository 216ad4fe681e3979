using Pane.Host.Hosting;
using Pane.Host.Images;
using Pane.Host.Plugins;
using Pane.Host.Settings;
using Pane.Images;
using Pane.Platform;

namespace Pane.Host.Tests.Images;

public sealed class DefaultImageFallbackTests
{
    public sealed class AcquireAsync : IDisposable
    {
        private readonly string _home = Directory.CreateTempSubdirectory("pane-default-fallback-").FullName;
        private readonly List<string> _asked = [];
        private readonly List<string> _notices = [];

        public void Dispose() => Directory.Delete(_home, recursive: true);

        private DefaultImageFallback Fallback(HostOperatingSystem system)
        {
            var platform = Substitute.For<IHostPlatform>();
            platform.OperatingSystem.Returns(system);
            var debian = Substitute.For<IImageSource>();
            debian.Id.Returns("debian");
            var catalog = Substitute.For<IPluginCatalog>();
            catalog.ImageSources.Returns([debian]);
            return new DefaultImageFallback(new DefaultImageResolver(new PaneSettings(new PaneHome(_home)), platform, catalog));
        }

        private Func<string, Task<string>> Acquire(Exception? archFailure) => reference =>
        {
            _asked.Add(reference);
            return reference == "arch" && archFailure is not null ? Task.FromException<string>(archFailure) : Task.FromResult($"/images/{reference}/disk");
        };

        private IImageNotices Notices()
        {
            var notices = Substitute.For<IImageNotices>();
            notices.When(n => n.Notice(Arg.Any<string>())).Do(call => _notices.Add(call.Arg<string>()));
            return notices;
        }

        private static ImageServerUnreachableException Unreachable() => new(
            "The Arch base image cannot be downloaded: 127.0.0.1 cannot be reached from this machine.",
            "Connect to the internet.",
            new IOException("refused"));

        [Fact]
        public async Task Uses_arch_when_it_can_be_acquired()
        {
            // When
            var file = await Fallback(HostOperatingSystem.Linux).AcquireAsync(Acquire(null), Notices());

            // Then
            Assert.Equal("/images/arch/disk", file);
            Assert.Equal(["arch"], _asked);
            Assert.Empty(_notices);
        }

        [Fact]
        public async Task Builds_debian_on_Linux_when_the_arch_server_cannot_be_reached_and_says_why_in_one_line()
        {
            // When
            var file = await Fallback(HostOperatingSystem.Linux).AcquireAsync(Acquire(Unreachable()), Notices());

            // Then
            Assert.Equal("/images/debian/disk", file);
            Assert.Equal(["arch", "debian"], _asked);
            Assert.Equal(
                ["The Arch base image cannot be downloaded: 127.0.0.1 cannot be reached from this machine; using the 'debian' image instead, built locally."],
                _notices);
        }

        [Fact]
        public async Task Does_not_replace_arch_when_it_failed_for_another_reason()
        {
            // Given
            var mismatch = new PaneException("The download does not have the expected SHA-256.", "Check the hash.");

            // When
            var error = await Assert.ThrowsAsync<PaneException>(() => Fallback(HostOperatingSystem.Linux).AcquireAsync(Acquire(mismatch), Notices()));

            // Then
            Assert.Same(mismatch, error);
            Assert.Equal(["arch"], _asked);
            Assert.Empty(_notices);
        }

        [Fact]
        public async Task Has_no_fallback_on_Windows()
        {
            // Given
            var unreachable = Unreachable();

            // When
            var error = await Assert.ThrowsAsync<ImageServerUnreachableException>(() => Fallback(HostOperatingSystem.Windows).AcquireAsync(Acquire(unreachable), Notices()));

            // Then
            Assert.Same(unreachable, error);
            Assert.Equal(["arch"], _asked);
        }

        [Fact]
        public async Task Has_no_fallback_for_a_configured_default()
        {
            // Given
            await new PaneSettings(new PaneHome(_home)).SetAsync(PaneSettings.DefaultImageKey, "arch", TestContext.Current.CancellationToken);

            // When
            await Assert.ThrowsAsync<ImageServerUnreachableException>(() => Fallback(HostOperatingSystem.Linux).AcquireAsync(Acquire(Unreachable()), Notices()));

            // Then
            Assert.Equal(["arch"], _asked);
        }
    }
}
