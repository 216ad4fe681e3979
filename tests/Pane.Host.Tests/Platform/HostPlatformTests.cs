using Pane.Host.Platform;
using Pane.Host.Platform.Facts;
using Pane.Platform;

namespace Pane.Host.Tests.Platform;

public sealed class HostPlatformTests
{
    public sealed class PhysicalMemoryBytes
    {
        [Fact]
        public void Is_the_MemTotal_of_proc_meminfo_on_linux()
        {
            // Given
            if (!OperatingSystem.IsLinux())
            {
                Assert.Skip("/proc/meminfo exists only on Linux.");
            }

            var expected = MemInfo.ParseTotalBytes(File.ReadAllText("/proc/meminfo"));

            // When
            var memory = new HostPlatform().PhysicalMemoryBytes;

            // Then
            Assert.NotNull(expected);
            Assert.Equal(expected, memory);
        }
    }

    public sealed class OperatingSystemProperty
    {
        [Fact]
        public void Names_the_running_operating_system()
        {
            // Given
            var expected = OperatingSystem.IsLinux() ? HostOperatingSystem.Linux
                : OperatingSystem.IsWindows() ? HostOperatingSystem.Windows
                : OperatingSystem.IsMacOS() ? HostOperatingSystem.MacOS
                : HostOperatingSystem.Other;

            // When
            var system = new HostPlatform().OperatingSystem;

            // Then
            Assert.Equal(expected, system);
        }
    }

    public sealed class GetEnvironmentVariable
    {
        [Fact]
        public void Reads_a_set_variable_and_gives_nothing_for_an_unset_one()
        {
            // Given
            var name = $"PANE_TEST_{Guid.NewGuid():N}";
            Environment.SetEnvironmentVariable(name, "value");

            // When
            var value = new HostPlatform().GetEnvironmentVariable(name);
            var missing = new HostPlatform().GetEnvironmentVariable(name + "_MISSING");

            // Then
            Assert.Equal("value", value);
            Assert.Null(missing);
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
