using Pane.Platform;
using Pane.Runtime.QemuWhpx.Discovery;
using Pane.Runtime.QemuWhpx.Tests.TestSupport;

namespace Pane.Runtime.QemuWhpx.Tests.Discovery;

public sealed class QemuLocatorTests
{
    public sealed class Locate : IDisposable
    {
        private readonly TempFolder _temp = new();

        public void Dispose() => _temp.Dispose();

        [Fact]
        public void PANE_QEMU_wins_over_a_bundled_copy_and_PATH()
        {
            // Given
            var chosen = FakeQemu.Write(_temp.Combine("custom", "my-qemu"));
            FakeQemu.Write(_temp.Combine("host", "qemu", "qemu-system-x86_64"));
            FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64"));
            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Combine("host"), new Dictionary<string, string>
            {
                ["PANE_QEMU"] = chosen,
                ["PATH"] = _temp.Combine("bin"),
            });

            // When
            var result = new QemuLocator(platform).Locate();

            // Then
            Assert.Equal(new QemuLocation(chosen, QemuSource.EnvironmentVariable), result.Location);
        }

        [Fact]
        public void A_PANE_QEMU_that_names_no_file_stops_the_search_and_says_so()
        {
            // Given
            FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64"));
            var missing = _temp.Combine("nowhere", "qemu");
            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Combine("host"), new Dictionary<string, string>
            {
                ["PANE_QEMU"] = missing,
                ["PATH"] = _temp.Combine("bin"),
            });

            // When
            var result = new QemuLocator(platform).Locate();

            // Then
            Assert.Null(result.Location);
            Assert.Contains("PANE_QEMU", result.Problem, StringComparison.Ordinal);
            Assert.Contains(missing, result.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void The_bundled_copy_comes_before_PATH()
        {
            // Given
            var bundled = FakeQemu.Write(_temp.Combine("host", "qemu", "qemu-system-x86_64"));
            FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64"));
            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Combine("host"), new Dictionary<string, string>
            {
                ["PATH"] = _temp.Combine("bin"),
            });

            // When
            var result = new QemuLocator(platform).Locate();

            // Then
            Assert.Equal(new QemuLocation(bundled, QemuSource.Bundled), result.Location);
        }

        [Fact]
        public void PATH_is_searched_in_order_skipping_relative_folders_and_files_that_cannot_run()
        {
            // Given
            FakeQemu.WriteNotExecutable(_temp.Combine("first", "qemu-system-x86_64"));
            var second = FakeQemu.Write(_temp.Combine("second", "qemu-system-x86_64"));
            FakeQemu.Write(_temp.Combine("third", "qemu-system-x86_64"));
            var path = string.Join(':', "relative/bin", _temp.Combine("empty"), _temp.Combine("first"), _temp.Combine("second"), _temp.Combine("third"));
            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Combine("host"), new Dictionary<string, string> { ["PATH"] = path });

            // When
            var result = new QemuLocator(platform).Locate();

            // Then
            Assert.Equal(new QemuLocation(second, QemuSource.SearchPath), result.Location);
            Assert.DoesNotContain(result.Searched, searched => searched.StartsWith("relative", StringComparison.Ordinal));
        }

        [Fact]
        public void On_Windows_it_looks_for_the_exe_on_a_semicolon_separated_PATH()
        {
            // Given
            var onPath = FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64.exe"));
            var platform = Hosts.Platform(HostOperatingSystem.Windows, _temp.Combine("host"), new Dictionary<string, string>
            {
                ["PATH"] = $"\"{_temp.Combine("empty")}\";{_temp.Combine("bin")}",
            });

            // When
            var result = new QemuLocator(platform).Locate();

            // Then
            Assert.Equal(new QemuLocation(onPath, QemuSource.SearchPath), result.Location);
        }

        [Fact]
        public void On_Windows_the_Program_Files_folder_is_the_last_resort()
        {
            // Given
            var installed = FakeQemu.Write(_temp.Combine("Program Files", "qemu", "qemu-system-x86_64.exe"));
            var platform = Hosts.Platform(HostOperatingSystem.Windows, _temp.Combine("host"), new Dictionary<string, string>
            {
                ["PATH"] = _temp.Combine("empty"),
                ["ProgramFiles"] = _temp.Combine("Program Files"),
            });

            // When
            var result = new QemuLocator(platform).Locate();

            // Then
            Assert.Equal(new QemuLocation(installed, QemuSource.ProgramFiles), result.Location);
            Assert.Equal(installed, result.Searched[^1]);
        }

        [Fact]
        public void Elsewhere_the_Program_Files_folder_is_not_searched()
        {
            // Given
            FakeQemu.Write(_temp.Combine("Program Files", "qemu", "qemu-system-x86_64"));
            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Combine("host"), new Dictionary<string, string>
            {
                ["ProgramFiles"] = _temp.Combine("Program Files"),
            });

            // When
            var result = new QemuLocator(platform).Locate();

            // Then
            Assert.Null(result.Location);
            Assert.Null(result.Problem);
            Assert.Equal([_temp.Combine("host", "qemu", "qemu-system-x86_64")], result.Searched);
        }
    }
}
