namespace Pane.Runtime.Native.Devices;

/// <summary>Runs device work at once on the calling thread: for tests, where determinism beats latency.</summary>
internal sealed class InlineDeviceWorker : IDeviceWorker
{
    /// <summary>Gets the shared instance.</summary>
    public static InlineDeviceWorker Instance { get; } = new();

    /// <inheritdoc/>
    public void Schedule(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        work();
    }
}
