using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Runtime.WslBridge.Tests;

public sealed class WslRuntimeProviderTests
{
    public sealed class ProbeAsync : IDisposable
    {
        private readonly string _systemRoot = Directory.CreateTempSubdirectory("pane-wsl-tests-").FullName;
        private readonly IProcessRunner _runner = Substitute.For<IProcessRunner>();

        public ProbeAsync()
        {
            Directory.CreateDirectory(Path.Combine(_systemRoot, "System32"));
            File.WriteAllText(WslPath, "stands in for wsl.exe");
        }

        private string WslPath => Path.Combine(_systemRoot, "System32", "wsl.exe");

        public void Dispose() => Directory.Delete(_systemRoot, recursive: true);

        [Fact]
        public async Task A_Store_WSL_with_version_2_is_available_with_its_versions()
        {
            // Given
            Answer("--status", WslSamples.Utf16(WslSamples.StoreStatus));
            Answer("--version", WslSamples.Utf16(WslSamples.StoreVersion));

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(result.IsAvailable);
            Assert.Equal(60, result.Score);
            Assert.Equal("wsl2", result.Accelerator);
            Assert.True(result.IsAccelerated);
            Assert.Equal("2.0.9.0", result.Version);
            Assert.Equal("5.15.133.1-1", result.Details["kernel"]);
            Assert.Equal("Ubuntu", result.Details["default-distribution"]);
            Assert.Equal("10.0.22631.2715", result.Details["windows"]);
            Assert.Equal(WslPath, result.Details["path"]);
        }

        [Fact]
        public async Task A_WSL_that_answers_in_UTF8_is_read_as_well()
        {
            // Given
            Answer("--status", WslSamples.Utf8(WslSamples.StoreStatus));
            Answer("--version", WslSamples.Utf8(WslSamples.StoreVersion));

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(result.IsAvailable);
            Assert.Equal("2.0.9.0", result.Version);
        }

        [Fact]
        public async Task The_built_in_WSL_is_available_with_the_kernel_from_its_status()
        {
            // Given
            Answer("--status", WslSamples.Utf16(WslSamples.InboxStatus));
            Answer("--version", WslSamples.Utf16(WslSamples.InboxVersion), exitCode: -1);

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(result.IsAvailable);
            Assert.Equal("built into Windows", result.Version);
            Assert.Equal("5.10.102.1", result.Details["kernel"]);
        }

        [Fact]
        public async Task A_Windows_without_WSL_is_told_to_install_it()
        {
            // Given
            Answer("--status", WslSamples.Utf16(WslSamples.NotInstalled), exitCode: 1);
            Answer("--version", WslSamples.Utf16(WslSamples.NotInstalled), exitCode: 1);

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Equal("The Windows Subsystem for Linux is not installed.", result.Reason);
            Assert.Contains("wsl --install", result.Remedy, StringComparison.Ordinal);
            Assert.StartsWith("Windows Subsystem for Linux is not installed", result.Details["wsl-said"], StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_missing_wsl_exe_is_told_to_install_WSL_without_running_anything()
        {
            // Given
            File.Delete(WslPath);

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Contains(WslPath, result.Reason, StringComparison.Ordinal);
            Assert.Contains("wsl --install", result.Remedy, StringComparison.Ordinal);
            await _runner.DidNotReceiveWithAnyArgs().RunAsync(default!, TestContext.Current.CancellationToken);
        }

        [Fact]
        public async Task A_disabled_Virtual_Machine_Platform_is_told_how_to_enable_it()
        {
            // Given
            Answer("--status", WslSamples.Utf16(WslSamples.VirtualizationOff));
            Answer("--version", WslSamples.Utf16(WslSamples.StoreVersion));

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Contains("Virtual Machine Platform", result.Reason, StringComparison.Ordinal);
            Assert.Contains("wsl --install --no-distribution", result.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Default_version_1_is_told_to_switch_to_2()
        {
            // Given
            Answer("--status", WslSamples.Utf16WithBom(WslSamples.DefaultVersionOne));
            Answer("--version", WslSamples.Utf16WithBom(WslSamples.StoreVersion));

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Contains("default version is 1", result.Reason, StringComparison.Ordinal);
            Assert.Equal("Run 'wsl --set-default-version 2'.", result.Remedy);
        }

        [Fact]
        public async Task A_status_that_fails_without_saying_why_is_reported_with_its_exit_code()
        {
            // Given
            Answer("--status", WslSamples.Utf16("Catastrophic failure\r\nError code: Wsl/Service/E_UNEXPECTED\r\n"), exitCode: -1);
            Answer("--version", WslSamples.Utf16(WslSamples.StoreVersion));

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Contains("exit code -1", result.Reason, StringComparison.Ordinal);
            Assert.Equal("Catastrophic failure", result.Details["wsl-said"]);
        }

        [Fact]
        public async Task A_wsl_exe_that_hangs_is_reported_as_not_answering()
        {
            // Given
            _runner.RunAsync(Arg.Any<ProcessCommand>(), Arg.Any<CancellationToken>())
                .Returns(call => Task.FromException<ProcessResult>(new ProcessFailedException(
                    call.Arg<ProcessCommand>(), "'wsl.exe --status' did not finish within 20 s and was stopped.", "Run it by hand.")));

            // When
            var result = await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.StartsWith("wsl.exe did not answer", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Asks_wsl_exe_for_UTF8_output()
        {
            // Given
            Answer("--status", WslSamples.Utf16(WslSamples.StoreStatus));
            Answer("--version", WslSamples.Utf16(WslSamples.StoreVersion));

            // When
            await Provider().ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            await _runner.Received(2).RunAsync(
                Arg.Is<ProcessCommand>(command => command.FileName == WslPath && command.Environment["WSL_UTF8"] == "1"),
                Arg.Any<CancellationToken>());
        }

        [Theory]
        [InlineData(HostOperatingSystem.Linux)]
        [InlineData(HostOperatingSystem.MacOS)]
        public async Task Elsewhere_than_Windows_it_is_unavailable_and_points_at_QEMU(HostOperatingSystem operatingSystem)
        {
            // Given
            var platform = Substitute.For<IHostPlatform>();
            platform.OperatingSystem.Returns(operatingSystem);
            var provider = new WslRuntimeProvider(platform, _runner);

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Equal("WSL exists only on Windows.", result.Reason);
            Assert.Contains("--runtime qemu", result.Remedy, StringComparison.Ordinal);
        }

        private WslRuntimeProvider Provider()
        {
            var platform = Substitute.For<IHostPlatform>();
            platform.OperatingSystem.Returns(HostOperatingSystem.Windows);
            platform.GetEnvironmentVariable("SystemRoot").Returns(_systemRoot);
            return new WslRuntimeProvider(platform, _runner);
        }

        private void Answer(string argument, byte[] output, int exitCode = 0) =>
            _runner.RunAsync(Arg.Is<ProcessCommand>(command => command.Arguments.SequenceEqual(new[] { argument })), Arg.Any<CancellationToken>())
                .Returns(call => new ProcessResult(call.Arg<ProcessCommand>(), exitCode, output, string.Empty));
    }

    public sealed class StartAsync
    {
        [Fact]
        public async Task Says_honestly_that_booting_is_not_there_yet()
        {
            // Given
            var provider = new WslRuntimeProvider(Substitute.For<IHostPlatform>(), Substitute.For<IProcessRunner>());
            var spec = new Machines.MachineSpec
            {
                Name = "m",
                VirtualCpus = 1,
                MemoryMiB = 512,
                Disks = [],
                Boot = new Machines.BootSpec("vmlinuz", null, "console=ttyS0"),
                StateDirectory = Path.GetTempPath(),
            };

            // When
            var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(
                () => provider.StartAsync(spec, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("wsl", error.RuntimeId);
            Assert.Contains("cannot boot", error.Message, StringComparison.Ordinal);
        }
    }
}
