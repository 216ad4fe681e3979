using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Tests;

public sealed class NativeRuntimeProviderTests
{
    private static IHostPlatform Host(HostOperatingSystem operatingSystem)
    {
        var platform = Substitute.For<IHostPlatform>();
        platform.OperatingSystem.Returns(operatingSystem);
        return platform;
    }

    private static IHypervisorProbe Answering(HypervisorStatus status)
    {
        var probe = Substitute.For<IHypervisorProbe>();
        probe.ProbeAsync(status.Kind, Arg.Any<CancellationToken>()).Returns(status);
        return probe;
    }

    public sealed class ProbeAsync
    {
        [Fact]
        public async Task An_unusable_KVM_makes_it_unavailable_with_the_probe_s_reason_and_remedy()
        {
            // Given
            var kvm = HypervisorStatus.Unusable(
                HypervisorKind.Kvm,
                "This /dev/kvm (kvm_pvm) cannot run an ordinary guest.",
                "Run Pane on a host whose /dev/kvm comes from kvm_intel or kvm_amd, or use --runtime qemu.",
                "kvm_pvm");
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), Answering(kvm));

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Equal(0, result.Score);
            Assert.Equal(kvm.Reason, result.Reason);
            Assert.Equal(kvm.Remedy, result.Remedy);
            Assert.Equal("kvm", result.Accelerator);
            Assert.Equal("kvm_pvm", result.Details["found"]);
        }

        [Fact]
        public async Task An_unusable_Windows_hypervisor_platform_makes_it_unavailable_with_the_probe_s_reason()
        {
            // Given
            var whp = HypervisorStatus.Unusable(
                HypervisorKind.WindowsHypervisorPlatform,
                "The Windows Hypervisor Platform feature is not enabled.",
                "Enable it in Windows Features and restart.");
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Windows), Answering(whp));

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Equal(whp.Reason, result.Reason);
            Assert.Equal(whp.Remedy, result.Remedy);
            Assert.Equal("whp", result.Accelerator);
        }

        [Theory]
        [InlineData(HostOperatingSystem.Linux, HypervisorKind.Kvm)]
        [InlineData(HostOperatingSystem.Windows, HypervisorKind.WindowsHypervisorPlatform)]
        public async Task A_usable_hypervisor_still_leaves_it_unavailable_because_the_VMM_does_not_boot_yet(
            HostOperatingSystem operatingSystem, HypervisorKind kind)
        {
            // Given
            var provider = new NativeRuntimeProvider(Host(operatingSystem), Answering(HypervisorStatus.Usable(kind, "a smoke guest ran")));

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Equal("Pane's own VMM does not boot guests yet in this version.", result.Reason);
            Assert.Equal("Use --runtime qemu.", result.Remedy);
            Assert.Equal("a smoke guest ran", result.Details["found"]);
        }

        [Fact]
        public async Task Another_operating_system_is_unavailable_without_asking_a_hypervisor()
        {
            // Given
            var probe = Substitute.For<IHypervisorProbe>();
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.MacOS), probe);

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Contains("MacOS", result.Reason, StringComparison.Ordinal);
            await probe.DidNotReceiveWithAnyArgs().ProbeAsync(default, TestContext.Current.CancellationToken);
        }
    }

    public sealed class AttachAsync
    {
        [Fact]
        public async Task Says_honestly_that_the_VMM_does_not_run_machines_yet()
        {
            // Given
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), NullHypervisorProbe.Instance);
            var record = new VirtualMachineRecord { Name = "m", RuntimeId = "native", StartedAt = DateTimeOffset.UnixEpoch };

            // When
            var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(
                () => provider.AttachAsync(record, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("native", error.RuntimeId);
            Assert.Equal("Use --runtime qemu.", error.Remedy);
        }
    }
}
