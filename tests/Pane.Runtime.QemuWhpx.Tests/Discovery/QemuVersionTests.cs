using Pane.Platform;
using Pane.Runtime.QemuWhpx.Discovery;
using Pane.Runtime.QemuWhpx.Tests.TestSupport;

namespace Pane.Runtime.QemuWhpx.Tests.Discovery;

public sealed class QemuVersionTests
{
    public sealed class Parse
    {
        [Theory]
        [InlineData("QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers\n", 7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18+b3")]
        [InlineData("QEMU emulator version 9.1.0 (v9.1.0-12064-gc658f5d9f2)\r\nCopyright (c) 2003-2024 Fabrice Bellard and the QEMU Project developers\r\n", 9, 1, 0, "v9.1.0-12064-gc658f5d9f2")]
        [InlineData("QEMU emulator version 8.2.2 (Debian 1:8.2.2+ds-0ubuntu1.4)\n", 8, 2, 2, "Debian 1:8.2.2+ds-0ubuntu1.4")]
        [InlineData("QEMU emulator version 8.1.50 (v8.1.0-2160-g2b7e0ad1a6)\r\n", 8, 1, 50, "v8.1.0-2160-g2b7e0ad1a6")]
        [InlineData("QEMU emulator version 6.1 (unreleased)\n", 6, 1, 0, "unreleased")]
        [InlineData("warning: something\nQEMU emulator version 5.2.0(Debian 1:5.2+dfsg-11)\n", 5, 2, 0, "Debian 1:5.2+dfsg-11")]
        [InlineData("QEMU emulator version 10.0.0\nCopyright (c) 2003-2025 Fabrice Bellard and the QEMU Project developers\n", 10, 0, 0, null)]
        public void Reads_the_version_and_build_of_real_outputs(string output, int major, int minor, int patch, string? build)
        {
            // When
            var version = QemuVersion.Parse(output);

            // Then
            Assert.Equal(new QemuVersion(major, minor, patch, build), version);
        }

        [Theory]
        [InlineData("")]
        [InlineData("qemu-system-x86_64: -version: invalid option\n")]
        [InlineData("QEMU emulator version \n")]
        [InlineData("QEMU emulator version 99999999999.1.2\n")]
        [InlineData("QEMU emulator version 7.2.x\n")]
        [InlineData("QEMU emulator version 7\n")]
        [InlineData("QEMU emulator version 1.2.3.4\n")]
        [InlineData("QEMU emulator version -1.2.3\n")]
        public void Returns_null_for_output_without_a_version(string output)
        {
            // When
            var version = QemuVersion.Parse(output);

            // Then
            Assert.Null(version);
        }

        [Fact]
        public async Task Reads_the_version_the_installed_qemu_prints()
        {
            // Given
            var installed = FakeQemu.Installed();
            if (installed is null)
            {
                Assert.Skip("qemu-system-x86_64 is not installed on this machine.");
            }

            var result = await new Host.Platform.ProcessRunner().RunAsync(
                new ProcessCommand(installed, ["--version"]), TestContext.Current.CancellationToken);

            // When
            var version = QemuVersion.Parse(result.StandardOutputText);

            // Then
            Assert.NotNull(version);
            Assert.StartsWith($"QEMU emulator version {version}", result.StandardOutputText, StringComparison.Ordinal);
            Assert.True(version.Major >= 2, $"QEMU {version} is older than any Pane can use.");
        }
    }

    public sealed class ToStringMethod
    {
        [Fact]
        public void Prints_the_three_numbers_without_the_build()
        {
            // Given
            var version = new QemuVersion(7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18+b3");

            // When
            var text = version.ToString();

            // Then
            Assert.Equal("7.2.22", text);
        }
    }
}
