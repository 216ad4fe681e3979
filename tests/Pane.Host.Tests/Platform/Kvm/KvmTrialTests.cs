using Pane.Host.Platform.Kvm;

namespace Pane.Host.Tests.Platform.Kvm;

public sealed class KvmTrialTests
{
    private const string Device = "/dev/kvm";

    private static void SkipWithoutKvm()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Device))
        {
            Assert.Skip("This host has no /dev/kvm.");
        }
    }

    public sealed class RunAsync
    {
        [Fact]
        public async Task Runs_the_smoke_guest_code_to_its_result_and_halt_when_each_chunk_is_one_iteration()
        {
            // Given: the real guest code with one loop iteration per chunk, so even an emulating KVM finishes.
            SkipWithoutKvm();
            var code = KvmSmokeGuest.Code.ToArray();
            Assert.Equal([0x00, 0x10, 0x00, 0x00], code[8..12]);
            code[8] = 1;
            code[9] = 0;

            // When
            var result = await KvmTrial.RunAsync(Device, TimeSpan.FromSeconds(20), code);

            // Then
            Assert.Equal(KvmTrialVerdict.Passed, result.Verdict);
            Assert.Equal(KvmSmokeGuest.Chunks, result.CompletedChunks);
            Assert.Equal(12, result.ApiVersion);
        }

        [Fact]
        public async Task Reports_a_guest_that_exits_in_a_way_it_should_not()
        {
            // Given: mov al, 0x42; out 0x12, al; hlt
            SkipWithoutKvm();
            byte[] code = [0xB0, 0x42, 0xE6, 0x12, 0xF4];

            // When
            var result = await KvmTrial.RunAsync(Device, TimeSpan.FromSeconds(20), code);

            // Then
            Assert.Equal(KvmTrialVerdict.GuestMisbehaved, result.Verdict);
            Assert.Equal($"after 0 of {KvmSmokeGuest.Chunks} chunks of work it stopped with an I/O write of 1 byte(s) 0x42 on port 0x12", result.Failure);
        }

        [Fact]
        public async Task Kicks_a_guest_that_never_exits_out_of_KVM_RUN()
        {
            // Given: jmp $, which never leaves KVM_RUN unless the vCPU thread is kicked.
            SkipWithoutKvm();
            byte[] code = [0xEB, 0xFE];

            // When
            var result = await KvmTrial.RunAsync(Device, TimeSpan.FromSeconds(20), code);

            // Then: the watchdog kicked it after KvmTrial.WallClockLimit; without the kick the verdict would be Hung.
            Assert.Equal(KvmTrialVerdict.TooSlow, result.Verdict);
            Assert.Equal(0, result.CompletedChunks);
        }

        [Fact]
        public async Task Reports_a_device_that_does_not_open_with_its_errno()
        {
            // Given
            var missing = Path.Combine(Path.GetTempPath(), $"pane-no-kvm-{Guid.NewGuid():N}");
            if (!OperatingSystem.IsLinux())
            {
                Assert.Skip("The KVM trial runs only on Linux.");
            }

            // When
            var result = await KvmTrial.RunAsync(missing, TimeSpan.FromMilliseconds(50));

            // Then
            Assert.Equal(KvmTrialVerdict.CannotOpen, result.Verdict);
            Assert.Equal(2, result.Error);
        }
    }
}
