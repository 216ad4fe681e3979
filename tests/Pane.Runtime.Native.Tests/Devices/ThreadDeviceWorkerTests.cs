using Pane.Runtime.Native.Devices;

namespace Pane.Runtime.Native.Tests.Devices;

public sealed class ThreadDeviceWorkerTests
{
    public sealed class Schedule
    {
        [Fact]
        public void Runs_work_in_order_on_its_own_thread_and_keeps_going_after_an_IO_failure()
        {
            // Given
            var ran = new List<(int Item, int Thread)>();
            using var done = new ManualResetEventSlim();
            var worker = new ThreadDeviceWorker("test worker");

            // When
            worker.Schedule(() => ran.Add((1, Environment.CurrentManagedThreadId)));
            worker.Schedule(() => throw new IOException("disk gone"));
            worker.Schedule(() => ran.Add((2, Environment.CurrentManagedThreadId)));
            worker.Schedule(done.Set);
            var finished = done.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            worker.Dispose();

            // Then
            Assert.True(finished);
            Assert.Equal([1, 2], ran.Select(entry => entry.Item));
            Assert.All(ran, entry => Assert.NotEqual(Environment.CurrentManagedThreadId, entry.Thread));
            Assert.Equal("disk gone", worker.LastFailure?.Message);
        }
    }
}
