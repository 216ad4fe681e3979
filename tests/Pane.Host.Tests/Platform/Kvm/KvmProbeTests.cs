using System.Diagnostics;
using Pane.Host.Platform.Kvm;
using Pane.Platform;

namespace Pane.Host.Tests.Platform.Kvm;

public sealed class KvmProbeTests
{
    public sealed class ProbeAsync
    {
        [Fact]
        public async Task Refuses_kvm_pvm_and_names_it_but_accepts_hardware_kvm()
        {
            // Given
            if (!OperatingSystem.IsLinux() || !File.Exists("/dev/kvm"))
            {
                Assert.Skip("This host has no /dev/kvm.");
            }

            var module = KvmModule.Find("/sys/module");
            var probe = new KvmProbe();

            // When
            var stopwatch = Stopwatch.StartNew();
            var status = await probe.ProbeAsync();
            TestContext.Current.TestOutputHelper?.WriteLine($"{stopwatch.Elapsed.TotalMilliseconds:0} ms: {status}");

            // Then
            Assert.Equal(HypervisorKind.Kvm, status.Kind);
            Assert.Contains(module ?? "/dev/kvm", status.Detail, StringComparison.Ordinal);
            if (module == KvmModule.Paravirtual)
            {
                Assert.False(status.IsUsable);
                Assert.StartsWith("/dev/kvm is served by kvm_pvm, a paravirtual KVM that cannot run ordinary guests: the real-mode test guest", status.Reason, StringComparison.Ordinal);
                Assert.Contains("kvm_intel or kvm_amd", status.Remedy, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(status.IsUsable, status.Reason);
                Assert.Null(status.Reason);
            }
        }
    }
}
