using Pane.Host.Platform;
using Pane.Machines;
using Pane.Platform;
using Pane.Runtime.QemuWhpx.Tests.TestSupport;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx.Tests;

public sealed class QemuRuntimeProviderTests
{
    private static readonly HypervisorStatus s_pvmKvm = HypervisorStatus.Unusable(
        HypervisorKind.Kvm,
        "/dev/kvm is served by kvm_pvm, a paravirtual KVM that cannot run an ordinary guest.",
        "Run Pane on a host whose /dev/kvm comes from kvm_intel or kvm_amd.",
        "kvm_pvm");

    public sealed class ProbeAsync : IDisposable
    {
        private readonly TempFolder _temp = new();

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task On_this_Linux_host_with_an_unusable_KVM_the_installed_qemu_runs_slowly_on_tcg()
        {
            // Given
            var installed = FakeQemu.Installed();
            if (installed is null)
            {
                Assert.Skip("qemu-system-x86_64 is not installed on this machine.");
            }

            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Path, new Dictionary<string, string> { ["PANE_QEMU"] = installed });
            var provider = new QemuRuntimeProvider(platform, Hosts.Hypervisor(s_pvmKvm), new ProcessRunner());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(result.IsAvailable);
            Assert.Equal(20, result.Score);
            Assert.Equal("tcg", result.Accelerator);
            Assert.False(result.IsAccelerated);
            Assert.Matches(@"^\d+\.\d+\.\d+$", result.Version);
            Assert.Equal(s_pvmKvm.Reason, result.Details["kvm"]);
            Assert.StartsWith("slow", result.Details["speed"], StringComparison.Ordinal);
            Assert.Equal("max", result.Details["cpu"]);
            Assert.Equal("PANE_QEMU", result.Details["found-by"]);
        }

        [Fact]
        public async Task On_a_Linux_host_with_a_usable_KVM_the_installed_qemu_is_accelerated()
        {
            // Given
            var installed = FakeQemu.Installed();
            if (installed is null)
            {
                Assert.Skip("qemu-system-x86_64 is not installed on this machine.");
            }

            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Path, new Dictionary<string, string> { ["PANE_QEMU"] = installed });
            var kvm = HypervisorStatus.Usable(HypervisorKind.Kvm, "kvm_intel; a smoke guest ran");
            var provider = new QemuRuntimeProvider(platform, Hosts.Hypervisor(kvm), new ProcessRunner());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(result.IsAvailable);
            Assert.Equal(100, result.Score);
            Assert.Equal("kvm", result.Accelerator);
            Assert.True(result.IsAccelerated);
            Assert.Equal("host", result.Details["cpu"]);
            Assert.False(result.Details.ContainsKey("speed"));
        }

        [Fact]
        public async Task On_Windows_with_the_hypervisor_platform_a_bundled_qemu_uses_whpx()
        {
            // Given
            FakeQemu.Write(_temp.Combine("host", "qemu", "qemu-system-x86_64.exe"));
            var platform = Hosts.Platform(HostOperatingSystem.Windows, _temp.Combine("host"));
            var whp = HypervisorStatus.Usable(HypervisorKind.WindowsHypervisorPlatform, "hypervisor present");
            var provider = new QemuRuntimeProvider(platform, Hosts.Hypervisor(whp), new ProcessRunner());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(result.IsAvailable);
            Assert.Equal(100, result.Score);
            Assert.Equal("whpx", result.Accelerator);
            Assert.Equal("9.1.0", result.Version);
            Assert.Equal("v9.1.0-12064-gc658f5d9f2", result.Details["build"]);
            Assert.Equal("Skylake-Client", result.Details["cpu"]);
            Assert.Equal("bundled", result.Details["found-by"]);
        }

        [Fact]
        public async Task On_Windows_without_the_hypervisor_platform_it_falls_back_to_tcg_with_the_reason()
        {
            // Given
            FakeQemu.Write(_temp.Combine("Program Files", "qemu", "qemu-system-x86_64.exe"));
            var platform = Hosts.Platform(HostOperatingSystem.Windows, _temp.Combine("host"), new Dictionary<string, string>
            {
                ["ProgramFiles"] = _temp.Combine("Program Files"),
            });
            var whp = HypervisorStatus.Unusable(
                HypervisorKind.WindowsHypervisorPlatform,
                "The Windows Hypervisor Platform feature is not enabled.",
                "Enable it in Windows Features and restart.");
            var provider = new QemuRuntimeProvider(platform, Hosts.Hypervisor(whp), new ProcessRunner());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(20, result.Score);
            Assert.Equal("tcg", result.Accelerator);
            Assert.Equal(whp.Reason, result.Details["whpx"]);
        }

        [Fact]
        public async Task On_macOS_it_runs_on_tcg_without_asking_for_a_hypervisor()
        {
            // Given
            var qemu = FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64"));
            var platform = Hosts.Platform(HostOperatingSystem.MacOS, _temp.Path, new Dictionary<string, string> { ["PATH"] = _temp.Combine("bin") });
            var hypervisor = Substitute.For<IHypervisorProbe>();
            var provider = new QemuRuntimeProvider(platform, hypervisor, new ProcessRunner());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.Equal("tcg", result.Accelerator);
            Assert.Equal(qemu, result.Details["path"]);
            Assert.Contains("MacOS", result.Details["hardware"], StringComparison.Ordinal);
            await hypervisor.DidNotReceiveWithAnyArgs().ProbeAsync(default, TestContext.Current.CancellationToken);
        }

        [Theory]
        [InlineData(HostOperatingSystem.Linux, "apt-get install qemu-system-x86")]
        [InlineData(HostOperatingSystem.Windows, "winget install SoftwareFreedomConservancy.QEMU")]
        public async Task Without_QEMU_it_is_unavailable_with_a_remedy_for_the_host(HostOperatingSystem operatingSystem, string remedy)
        {
            // Given
            var platform = Hosts.Platform(operatingSystem, _temp.Path, new Dictionary<string, string>
            {
                ["PATH"] = _temp.Combine("bin"),
                ["ProgramFiles"] = _temp.Combine("Program Files"),
            });
            var hypervisor = Substitute.For<IHypervisorProbe>();
            var provider = new QemuRuntimeProvider(platform, hypervisor, new ProcessRunner());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Equal(0, result.Score);
            Assert.Contains("was not found", result.Reason, StringComparison.Ordinal);
            Assert.Contains(remedy, result.Remedy, StringComparison.Ordinal);
            Assert.Contains("PANE_QEMU", result.Remedy, StringComparison.Ordinal);
            Assert.Contains(_temp.Combine("bin"), result.Details["searched"], StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_PANE_QEMU_naming_no_file_makes_it_unavailable_naming_the_variable()
        {
            // Given
            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Path, new Dictionary<string, string>
            {
                ["PANE_QEMU"] = _temp.Combine("missing"),
            });
            var provider = new QemuRuntimeProvider(platform, Hosts.Hypervisor(s_pvmKvm), new ProcessRunner());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.StartsWith("PANE_QEMU names", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_QEMU_that_fails_to_run_makes_it_unavailable_naming_the_binary()
        {
            // Given
            var broken = FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64"), exitCode: 3);
            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Path, new Dictionary<string, string> { ["PATH"] = _temp.Combine("bin") });
            var provider = new QemuRuntimeProvider(platform, Hosts.Hypervisor(s_pvmKvm), new ProcessRunner());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Contains(broken, result.Reason, StringComparison.Ordinal);
            Assert.Equal(broken, result.Details["path"]);
        }

        [Fact]
        public async Task With_a_Pane_home_the_answer_is_cached_under_its_cache_folder()
        {
            // Given
            var qemu = FakeQemu.Write(_temp.Combine("bin", "qemu-system-x86_64"));
            var platform = Hosts.Platform(HostOperatingSystem.Linux, _temp.Path, new Dictionary<string, string> { ["PANE_QEMU"] = qemu });
            var home = Substitute.For<IPaneHome>();
            home.CacheDirectory.Returns(_temp.Combine("home", "cache"));
            var provider = new QemuRuntimeProvider(platform, Hosts.Hypervisor(s_pvmKvm), new ProcessRunner(), home);

            // When
            await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(File.Exists(_temp.Combine("home", "cache", "qemu", "binary.txt")));
        }
    }

    public sealed class StartAsync
    {
        private static MachineSpec Spec(string? accelerator) => new()
        {
            Name = "m",
            VirtualCpus = 1,
            MemoryMiB = 512,
            Disks = [],
            Boot = new BootSpec("vmlinuz", null, "console=ttyS0"),
            Accelerator = accelerator,
            StateDirectory = Path.GetTempPath(),
        };

        [Fact]
        public async Task Refuses_with_the_probes_reason_and_remedy_when_qemu_is_missing()
        {
            // Given
            var provider = new QemuRuntimeProvider(
                Hosts.Platform(HostOperatingSystem.Linux, Path.GetTempPath()), NullHypervisorProbe.Instance, new ProcessRunner());

            // When
            var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(
                () => provider.StartAsync(Spec(null), TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("qemu", error.RuntimeId);
            Assert.Contains("qemu-system-x86_64", error.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install qemu-system-x86", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Refuses_an_accelerator_pane_does_not_know_before_starting_anything()
        {
            // Given
            var provider = new QemuRuntimeProvider(
                Hosts.Platform(HostOperatingSystem.Linux, Path.GetTempPath(), new Dictionary<string, string> { ["PANE_QEMU"] = "/usr/bin/qemu-system-x86_64" }),
                Hosts.Hypervisor(s_pvmKvm),
                new ProcessRunner());

            // When
            var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(
                () => provider.StartAsync(Spec("hvf"), TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("QEMU has no accelerator 'hvf'.", error.Message);
        }
    }
}
