using System.Threading.Channels;

namespace Pane.Runtime.Native.Devices;

/// <summary>
/// Runs device work on one dedicated background thread, in order, so a vCPU that notifies a device returns to the
/// guest at once and disk I/O completes beside it.
/// </summary>
internal sealed class ThreadDeviceWorker : IDeviceWorker, IDisposable
{
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _thread;

    /// <summary>Initializes a new instance of the <see cref="ThreadDeviceWorker"/> class and starts its thread.</summary>
    /// <param name="name">The thread's name.</param>
    public ThreadDeviceWorker(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Gets the last failure of a piece of work, if any; the worker keeps running after one.</summary>
    public Exception? LastFailure { get; private set; }

    /// <inheritdoc/>
    public void Schedule(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _work.Writer.TryWrite(work);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _work.Writer.TryComplete();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        var reader = _work.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var work))
            {
                try
                {
                    work();
                }
                catch (IOException error)
                {
                    LastFailure = error;
                }
            }
        }
    }
}
