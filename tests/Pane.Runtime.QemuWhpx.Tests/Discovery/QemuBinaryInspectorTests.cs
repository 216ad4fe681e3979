using Pane.Host.Platform;
using Pane.Platform;
using Pane.Runtime.QemuWhpx.Discovery;
using Pane.Runtime.QemuWhpx.Tests.TestSupport;

namespace Pane.Runtime.QemuWhpx.Tests.Discovery;

public sealed class QemuBinaryInspectorTests
{
    public sealed class InspectAsync : IDisposable
    {
        private readonly TempFolder _temp = new();

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task Reads_the_version_and_accelerators_of_the_installed_qemu()
        {
            // Given
            var installed = FakeQemu.Installed();
            if (installed is null)
            {
                Assert.Skip("qemu-system-x86_64 is not installed on this machine.");
            }

            var inspector = new QemuBinaryInspector(new ProcessRunner(), cache: null);

            // When
            var info = await inspector.InspectAsync(installed, TestContext.Current.CancellationToken);

            // Then
            Assert.NotNull(info.Version);
            Assert.NotNull(info.Accelerators);
            Assert.Contains("tcg", info.Accelerators);
        }

        [Fact]
        public async Task Reads_a_Windows_build_s_answers()
        {
            // Given
            var qemu = FakeQemu.Write(_temp.Combine("qemu-system-x86_64.exe"));
            var inspector = new QemuBinaryInspector(new ProcessRunner(), cache: null);

            // When
            var info = await inspector.InspectAsync(qemu, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(new QemuVersion(9, 1, 0, "v9.1.0-12064-gc658f5d9f2"), info.Version);
            Assert.Equal(["tcg", "whpx"], info.Accelerators!.Order(StringComparer.Ordinal));
        }

        [Fact]
        public async Task A_binary_whose_version_query_fails_throws_naming_the_command()
        {
            // Given
            var qemu = FakeQemu.Write(_temp.Combine("qemu-system-x86_64"), exitCode: 1);
            var inspector = new QemuBinaryInspector(new ProcessRunner(), cache: null);

            // When
            var error = await Assert.ThrowsAsync<ProcessFailedException>(
                () => inspector.InspectAsync(qemu, TestContext.Current.CancellationToken));

            // Then
            Assert.Contains(qemu, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_cached_answer_is_reused_until_the_binary_changes()
        {
            // Given
            var log = _temp.Combine("runs.log");
            var qemu = FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64"), logFile: log);
            var inspector = new QemuBinaryInspector(new ProcessRunner(), new QemuBinaryCache(_temp.Combine("cache")));
            var first = await inspector.InspectAsync(qemu, TestContext.Current.CancellationToken);

            // When
            var second = await inspector.InspectAsync(qemu, TestContext.Current.CancellationToken);
            var runsBeforeChange = File.ReadAllLines(log).Length;
            FakeQemu.Write(qemu, versionOutput: "QEMU emulator version 9.2.0 (v9.2.0-1-gabcdef)\r\n", logFile: log);
            File.SetLastWriteTimeUtc(qemu, DateTime.UtcNow.AddMinutes(1));
            var third = await inspector.InspectAsync(qemu, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(2, runsBeforeChange);
            Assert.Equal(first.Version, second.Version);
            Assert.Equal(first.Accelerators!.Order(StringComparer.Ordinal), second.Accelerators!.Order(StringComparer.Ordinal));
            Assert.Equal(new QemuVersion(9, 2, 0, "v9.2.0-1-gabcdef"), third.Version);
            Assert.Equal(4, File.ReadAllLines(log).Length);
        }

        [Fact]
        public async Task A_damaged_cache_file_is_a_miss_and_is_rewritten()
        {
            // Given
            var qemu = FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64"));
            var cacheFile = _temp.Combine("cache", "qemu", "binary.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(cacheFile)!);
            await File.WriteAllBytesAsync(cacheFile, [0xFF, 0x00, (byte)'=', 0x0A, 0x80], TestContext.Current.CancellationToken);
            var inspector = new QemuBinaryInspector(new ProcessRunner(), new QemuBinaryCache(_temp.Combine("cache")));

            // When
            var info = await inspector.InspectAsync(qemu, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(new QemuVersion(9, 1, 0, "v9.1.0-12064-gc658f5d9f2"), info.Version);
            Assert.Contains($"path={qemu}", await File.ReadAllTextAsync(cacheFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }
}
