using Pane.Platform;
using Pane.Runtime.QemuWhpx.Discovery;
using Pane.Runtime.QemuWhpx.Machine;

namespace Pane.Runtime.QemuWhpx.Tests.Machine;

public sealed class ControlChannelPolicyTests
{
    public sealed class UsesUnixSockets
    {
        private const string ShortPath = @"C:\Users\alice\AppData\Local\Pane\vms\default\serial.sock";

        [Theory]
        [InlineData(HostOperatingSystem.Linux, null)]
        [InlineData(HostOperatingSystem.Linux, "QEMU emulator version 5.2.0")]
        [InlineData(HostOperatingSystem.Windows, "QEMU emulator version 7.2.0 (v7.2.0-11948-ge6523b71fc)")]
        [InlineData(HostOperatingSystem.Windows, "QEMU emulator version 9.1.0 (v9.1.0-12064-gc658f5d9f2)")]
        public void Chooses_unix_sockets_on_Linux_and_on_Windows_from_QEMU_7_2(HostOperatingSystem host, string? versionText)
        {
            // Given
            var version = versionText is null ? null : QemuVersion.Parse(versionText);

            // When
            var unix = ControlChannelPolicy.UsesUnixSockets(host, version, ShortPath);

            // Then
            Assert.True(unix);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("QEMU emulator version 7.1.0 (v7.1.0-11823-g1ad2d3c3d4)")]
        [InlineData("QEMU emulator version 6.2.0")]
        public void Falls_back_to_loopback_on_Windows_when_QEMU_is_older_or_unknown(string? versionText)
        {
            // Given
            var version = versionText is null ? null : QemuVersion.Parse(versionText);

            // When
            var unix = ControlChannelPolicy.UsesUnixSockets(HostOperatingSystem.Windows, version, ShortPath);

            // Then
            Assert.False(unix);
        }

        [Fact]
        public void Falls_back_to_loopback_on_Windows_when_the_socket_path_does_not_fit_sun_path()
        {
            // Given
            var version = QemuVersion.Parse("QEMU emulator version 9.1.0");
            var fits = @"C:\" + new string('a', ControlChannelPolicy.MaxUnixSocketPathBytes - 3);
            var tooLong = fits + "b";

            // When
            var withFitting = ControlChannelPolicy.UsesUnixSockets(HostOperatingSystem.Windows, version, fits);
            var withTooLong = ControlChannelPolicy.UsesUnixSockets(HostOperatingSystem.Windows, version, tooLong);

            // Then
            Assert.True(withFitting);
            Assert.False(withTooLong);
        }
    }
}
