using System.Diagnostics;
using System.Runtime.InteropServices;
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

            var fd = LinuxNative.Open("/dev/kvm", LinuxNative.OpenReadWrite);
            if (fd < 0)
            {
                Assert.Skip("This user cannot open /dev/kvm read-write.");
            }

            _ = LinuxNative.Close(fd);

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
    

        [Fact]
        public async Task Says_the_device_is_missing_and_how_to_get_it()
        {
            // Given
            if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            {
                Assert.Skip("The device check runs only on x86-64 Linux.");
            }

            var missing = Path.Combine(Path.GetTempPath(), $"pane-no-kvm-{Guid.NewGuid():N}");
            var probe = new KvmProbe(missing, "/sys/module");

            // When
            var status = await probe.ProbeAsync();

            // Then
            Assert.False(status.IsUsable);
            Assert.Equal($"{missing} does not exist, so the kernel offers no KVM.", status.Reason);
            Assert.Contains("modprobe kvm_intel", status.Remedy, StringComparison.Ordinal);
        }
    }

    public sealed class Evaluate
    {
        [Fact]
        public void Accepts_a_guest_that_passed_and_says_how_long_it_ran()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.Passed, TimeSpan.FromMilliseconds(3.25), KvmSmokeGuest.Chunks, ApiVersion: 12);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", "kvm_intel", result);

            // Then
            Assert.True(status.IsUsable);
            Assert.Equal("/dev/kvm served by kvm_intel, API 12, test guest ran in 3.3 ms of CPU time", status.Detail);
        }

        [Fact]
        public void Passes_kvm_pvm_too_when_its_guest_runs()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.Passed, TimeSpan.FromMilliseconds(4), KvmSmokeGuest.Chunks, ApiVersion: 12);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", KvmModule.Paravirtual, result);

            // Then
            Assert.True(status.IsUsable);
        }

        [Fact]
        public void Names_kvm_pvm_and_the_progress_of_a_guest_too_slow_to_finish()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.TooSlow, TimeSpan.FromMilliseconds(251), 7, ApiVersion: 12);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", KvmModule.Paravirtual, result);

            // Then
            Assert.False(status.IsUsable);
            Assert.Equal(
                $"/dev/kvm is served by kvm_pvm, a paravirtual KVM that cannot run ordinary guests: the real-mode test guest finished only 7 of {KvmSmokeGuest.Chunks} chunks of work in 251 ms of CPU time, where hardware virtualization needs under a millisecond for all of them.",
                status.Reason);
            Assert.StartsWith("Run Pane on a host with hardware KVM (kvm_intel or kvm_amd)", status.Remedy, StringComparison.Ordinal);
            Assert.Equal("/dev/kvm served by kvm_pvm, API 12", status.Detail);
        }

        [Theory]
        [InlineData("kvm_amd")]
        [InlineData("kvm_intel")]
        public void Accepts_a_hardware_module_whose_guest_runs_as_written_but_slowly_as_nested_under_emulation(string module)
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.TooSlow, TimeSpan.FromMilliseconds(229), 1, ApiVersion: 12);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", module, result);

            // Then
            Assert.True(status.IsUsable);
            Assert.Equal(
                $"/dev/kvm served by {module}, API 12, nested under emulation: the test guest ran as written but finished only 1 of {KvmSmokeGuest.Chunks} chunks of work in 229 ms of CPU time",
                status.Detail);
        }

        [Fact]
        public void Refuses_a_hardware_module_whose_guest_finished_no_work_at_all()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.TooSlow, TimeSpan.FromMilliseconds(40), 0, ApiVersion: 12);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", "kvm_amd", result);

            // Then
            Assert.False(status.IsUsable);
            Assert.StartsWith("/dev/kvm (served by kvm_amd) cannot run an ordinary guest: the real-mode test guest finished only 0 of", status.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Explains_a_hung_guest_under_another_module_without_blaming_kvm_pvm()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.Hung, ApiVersion: 12);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", "kvm_intel", result);

            // Then
            Assert.Equal("/dev/kvm (served by kvm_intel) cannot run an ordinary guest: the real-mode test guest did not come back from KVM within 1 s, not even when its thread was interrupted.", status.Reason);
            Assert.DoesNotContain("kvm_pvm", status.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Quotes_what_a_misbehaving_guest_did()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.GuestMisbehaved, Failure: "it ended with HLT", ApiVersion: 12);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", null, result);

            // Then
            Assert.Equal("/dev/kvm cannot run an ordinary guest: the real-mode test guest misbehaved: it ended with HLT.", status.Reason);
        }

        [Fact]
        public void Tells_a_user_without_permission_to_join_the_kvm_group()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.CannotOpen, Error: 13);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", "kvm_amd", result);

            // Then
            Assert.StartsWith("/dev/kvm (served by kvm_amd) cannot be opened read-write by this user: ", status.Reason, StringComparison.Ordinal);
            Assert.EndsWith("(errno 13).", status.Reason, StringComparison.Ordinal);
            Assert.StartsWith("Add your user to the kvm group", status.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Tells_the_api_version_it_got()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.WrongApiVersion, ApiVersion: 11);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", null, result);

            // Then
            Assert.Equal("/dev/kvm reports KVM API version 11, not 12.", status.Reason);
        }

        [Fact]
        public void Names_the_ioctl_that_failed()
        {
            // Given
            var result = new KvmTrialResult(KvmTrialVerdict.SetupFailed, Operation: "KVM_CREATE_VCPU", Error: 22, ApiVersion: 12);

            // When
            var status = KvmProbe.Evaluate("/dev/kvm", "kvm_intel", result);

            // Then
            Assert.StartsWith("/dev/kvm (served by kvm_intel) refused KVM_CREATE_VCPU: ", status.Reason, StringComparison.Ordinal);
            Assert.NotNull(status.Remedy);
        }
    }
}
