using Pane.Host.Platform.Kvm;

namespace Pane.Host.Tests.Platform.Kvm;

public sealed class KvmSmokeGuestMonitorTests
{
    private static readonly KvmExit s_progress = new(KvmExitReason.Io, IsIoWrite: true, IoPort: KvmSmokeGuest.ProgressPort, IoSize: 1, IoData: 0);
    private static readonly KvmExit s_result = new(KvmExitReason.Io, IsIoWrite: true, IoPort: KvmSmokeGuest.ResultPort, IoSize: 1, IoData: KvmSmokeGuest.ResultValue);
    private static readonly KvmExit s_halt = new(KvmExitReason.Halt);

    private static KvmSmokeGuestMonitor AfterAllChunks()
    {
        var monitor = new KvmSmokeGuestMonitor();
        for (var chunk = 0; chunk < KvmSmokeGuest.Chunks; chunk++)
        {
            Assert.Equal(KvmSmokeGuestStep.Continue, monitor.Observe(s_progress));
        }

        return monitor;
    }

    public sealed class Observe
    {
        [Fact]
        public void Passes_a_guest_that_reports_every_chunk_then_its_result_then_halts()
        {
            // Given
            var monitor = AfterAllChunks();

            // When
            var afterResult = monitor.Observe(s_result);
            var afterHalt = monitor.Observe(s_halt);

            // Then
            Assert.Equal(KvmSmokeGuestStep.Continue, afterResult);
            Assert.Equal(KvmSmokeGuestStep.Passed, afterHalt);
            Assert.Equal(KvmSmokeGuest.Chunks, monitor.CompletedChunks);
            Assert.Null(monitor.Failure);
        }

        [Fact]
        public void Fails_a_guest_that_writes_its_result_before_finishing_its_work()
        {
            // Given
            var monitor = new KvmSmokeGuestMonitor();
            monitor.Observe(s_progress);

            // When
            var step = monitor.Observe(s_result);

            // Then
            Assert.Equal(KvmSmokeGuestStep.Failed, step);
            Assert.Equal($"after 1 of {KvmSmokeGuest.Chunks} chunks of work it stopped with an I/O write of 1 byte(s) 0x42 on port 0x10", monitor.Failure);
        }

        [Fact]
        public void Fails_a_guest_that_writes_a_wrong_result()
        {
            // Given
            var monitor = AfterAllChunks();

            // When
            var step = monitor.Observe(s_result with { IoData = 0x41 });

            // Then
            Assert.Equal(KvmSmokeGuestStep.Failed, step);
            Assert.Contains("0x41 on port 0x10", monitor.Failure, StringComparison.Ordinal);
        }

        [Fact]
        public void Fails_a_guest_that_does_not_halt_after_its_result()
        {
            // Given
            var monitor = AfterAllChunks();
            monitor.Observe(s_result);

            // When
            var step = monitor.Observe(new KvmExit(KvmExitReason.Shutdown));

            // Then
            Assert.Equal(KvmSmokeGuestStep.Failed, step);
            Assert.Equal("it ended with a shutdown (the guest triple-faulted) instead of HLT", monitor.Failure);
        }

        [Fact]
        public void Fails_a_guest_that_halts_before_its_result()
        {
            // Given
            var monitor = new KvmSmokeGuestMonitor();

            // When
            var step = monitor.Observe(s_halt);

            // Then
            Assert.Equal(KvmSmokeGuestStep.Failed, step);
            Assert.Equal($"after 0 of {KvmSmokeGuest.Chunks} chunks of work it stopped with HLT", monitor.Failure);
        }

        [Fact]
        public void Fails_a_guest_that_reports_more_chunks_than_it_has()
        {
            // Given
            var monitor = AfterAllChunks();

            // When
            var step = monitor.Observe(s_progress);

            // Then
            Assert.Equal(KvmSmokeGuestStep.Failed, step);
        }

        [Fact]
        public void Stays_failed_whatever_comes_next()
        {
            // Given
            var monitor = new KvmSmokeGuestMonitor();
            monitor.Observe(new KvmExit(KvmExitReason.InternalError, Code: 1));

            // When
            var step = monitor.Observe(s_progress);

            // Then
            Assert.Equal(KvmSmokeGuestStep.Failed, step);
            Assert.Equal(0, monitor.CompletedChunks);
        }
    }
}
