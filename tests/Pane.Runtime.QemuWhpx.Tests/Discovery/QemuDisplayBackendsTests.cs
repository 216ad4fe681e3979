using Pane.Host.Platform;
using Pane.Runtime.QemuWhpx.Discovery;
using Pane.Runtime.QemuWhpx.Tests.TestSupport;

namespace Pane.Runtime.QemuWhpx.Tests.Discovery;

public sealed class QemuDisplayBackendsTests
{
    public sealed class Parse
    {
        [Fact]
        public void Reads_one_backend_per_line_after_the_heading()
        {
            // Given
            const string Output = "Available display backend types:\nnone\ngtk\nsdl\negl-headless\ncurses\nspice-app\ndbus\n";

            // When
            var backends = QemuDisplayBackends.Parse(Output);

            // Then
            Assert.Equal(["curses", "dbus", "egl-headless", "gtk", "none", "sdl", "spice-app"], backends!.Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Reads_the_windows_builds_crlf_lines()
        {
            // When
            var backends = QemuDisplayBackends.Parse(FakeQemu.WindowsDisplayOutput);

            // Then
            Assert.Equal(["egl-headless", "gtk", "none", "sdl"], backends!.Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Knows_a_build_without_windows_has_no_gtk_or_sdl()
        {
            // When
            var backends = QemuDisplayBackends.Parse("Available display backend types:\nnone\ndbus\n");

            // Then
            Assert.DoesNotContain("gtk", backends!);
            Assert.DoesNotContain("sdl", backends!);
        }

        [Fact]
        public void Says_nothing_when_the_heading_is_missing()
        {
            // When
            var backends = QemuDisplayBackends.Parse("qemu-system-x86_64: -display help: invalid option\n");

            // Then
            Assert.Null(backends);
        }
    }

    public sealed class QueryAsync
    {
        [Fact]
        public async Task Asks_the_installed_qemu_which_lists_at_least_none()
        {
            // Given
            if (FakeQemu.Installed() is not { } installed)
            {
                Assert.Skip("qemu-system-x86_64 is not installed on this machine.");
                return;
            }

            // When
            var backends = await QemuDisplayBackends.QueryAsync(new ProcessRunner(), installed, TestContext.Current.CancellationToken);

            // Then
            Assert.NotNull(backends);
            Assert.Contains("none", backends);
        }
    }
}
