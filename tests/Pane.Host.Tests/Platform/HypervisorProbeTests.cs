using Pane.Host.Platform;
using Pane.Host.Platform.Kvm;
using Pane.Host.Platform.Whp;
using Pane.Platform;

namespace Pane.Host.Tests.Platform;

public sealed class HypervisorProbeTests
{
    public sealed class ProbeAsync : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pane-probe-");

        public void Dispose() => _folder.Delete(recursive: true);

        [Fact]
        public async Task Probes_each_kind_once_and_shares_the_answer()
        {
            // Given: a KVM device that does not exist, so that the probe is fast and the same everywhere.
            var kvm = new KvmProbe(Path.Combine(_folder.FullName, "kvm"), _folder.FullName);
            var probe = new HypervisorProbe(kvm, new WindowsHypervisorPlatformProbe());

            // When
            var first = await probe.ProbeAsync(HypervisorKind.Kvm, TestContext.Current.CancellationToken);
            var second = await probe.ProbeAsync(HypervisorKind.Kvm, TestContext.Current.CancellationToken);

            // Then
            Assert.Same(first, second);
            Assert.False(first.IsUsable);
        }

        [Fact]
        public async Task Answers_for_the_windows_hypervisor_platform_from_its_own_probe()
        {
            // Given
            var api = Substitute.For<IWindowsHypervisorPlatformApi>();
            var probe = new HypervisorProbe(new KvmProbe(), new WindowsHypervisorPlatformProbe(api, isWindows: false));

            // When
            var status = await probe.ProbeAsync(HypervisorKind.WindowsHypervisorPlatform, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(HypervisorKind.WindowsHypervisorPlatform, status.Kind);
            Assert.Contains("not Windows", status.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Lets_a_caller_that_cancels_stop_waiting_without_spoiling_the_answer_for_others()
        {
            // Given
            var probe = new HypervisorProbe(new KvmProbe(Path.Combine(_folder.FullName, "kvm"), _folder.FullName), new WindowsHypervisorPlatformProbe());
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();

            // When
            var waiting = probe.ProbeAsync(HypervisorKind.Kvm, cancelled.Token);
            var status = await probe.ProbeAsync(HypervisorKind.Kvm, TestContext.Current.CancellationToken);

            // Then
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            Assert.Equal(HypervisorKind.Kvm, status.Kind);
        }

        [Fact]
        public async Task Rejects_a_kind_it_does_not_know()
        {
            // Given
            var probe = new HypervisorProbe();

            // When
            var probing = () => probe.ProbeAsync((HypervisorKind)42, TestContext.Current.CancellationToken);

            // Then
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(probing);
        }

        [Fact]
        public async Task Refuses_kvm_on_this_host_exactly_when_the_kvm_probe_does()
        {
            // Given
            var probe = new HypervisorProbe();

            // When
            var shared = await probe.ProbeAsync(HypervisorKind.Kvm, TestContext.Current.CancellationToken);
            var direct = await new KvmProbe().ProbeAsync();

            // Then
            Assert.Equal(direct.IsUsable, shared.IsUsable);
            Assert.Equal(direct.Detail?.Split(", test guest")[0], shared.Detail?.Split(", test guest")[0]);
        }
    }
}
