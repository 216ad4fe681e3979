namespace Pane.Host.Tests.DiskImages;

/// <summary>
/// Runs a read of a hostile image within a time budget and an allocation bound: a reader that hangs, or that
/// allocates what a lying size field asks for, fails the test instead of stalling or exhausting the test run.
/// </summary>
internal static class BoundedRead
{
    private static readonly TimeSpan s_budget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most a whole read of an image may allocate: 64 MiB plus eight times the image. Measured (2026-11-28):
    /// the most any e2fsprogs image or seeded corruption allocated was 5.1 times its size (f_many_subdirs, 80 MiB
    /// read as 405 MiB: each of its thousands of directories costs a block buffer, inodes and entries), and the
    /// small ones stay under 64 MiB. A size field the reader trusted without checking it against the volume (an
    /// inline-data length, a symbolic link's size, a qcow2 table size) asks for up to gigabytes and fails here.
    /// </summary>
    public static long AllocationBound(long imageSize) => (64L << 20) + (8 * imageSize);

    /// <summary>
    /// Runs a read of a hostile image on a thread of its own, within the time budget and the allocation bound. A read
    /// that overruns its time is cancelled and given a few seconds to stop before the test fails, so it does not keep
    /// reading behind the tests that follow.
    /// </summary>
    public static T Run<T>(string name, long imageSize, Func<CancellationToken, T> read)
    {
        using var cancellation = new CancellationTokenSource();
        long allocated = 0;
        var task = Task.Factory.StartNew(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    return read(cancellation.Token);
                }
                finally
                {
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            if (!task.Wait(s_budget))
            {
                cancellation.Cancel();
                var stopped = ((IAsyncResult)task).AsyncWaitHandle.WaitOne(s_stopGrace);
                Assert.Fail($"{name}: reading the whole image did not finish within {s_budget.TotalSeconds} s (a hang){(stopped ? "; it stopped when cancelled" : "; it did not stop when cancelled")}.");
            }
        }
        catch (AggregateException error) when (error.InnerException is { } inner)
        {
            Assert.Fail($"{name}: the reader threw {inner.GetType().Name} instead of ImageFormatException: {inner}");
        }

        var bound = AllocationBound(imageSize);
        Assert.True(allocated <= bound, $"{name}: reading the {imageSize}-byte image allocated {allocated} bytes, more than the bound of {bound}.");
        return task.Result;
    }

}
