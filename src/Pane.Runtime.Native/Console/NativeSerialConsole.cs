using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Pane.Runtime.Native.Serial;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Console;

/// <summary>
/// The serial console of a native machine. The UART hands each transmitted byte to <see cref="Transmit"/>, which
/// only queues it, so the vCPU never waits; a pump on its own task turns the queue into raw chunks and lines for
/// every reader and <see cref="LineReceived"/>, and appends them to the serial log when there is one. Input goes to
/// the UART's receive FIFO, or, in a process that attached to a machine running in another one, to its console socket.
/// </summary>
internal sealed class NativeSerialConsole : ISerialConsole, ISerialOutput, IAsyncDisposable
{
    private const int LineBacklog = 10_000;

    private readonly Channel<byte> _transmitted = Channel.CreateUnbounded<byte>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Channel<string>> _lineReaders = [];
    private readonly List<Channel<ReadOnlyMemory<byte>>> _byteReaders = [];
    private readonly Task _pump;
    private Stream? _log;
    private ISerialInput? _input;

    /// <summary>Initializes a new instance of the <see cref="NativeSerialConsole"/> class and starts its pump.</summary>
    /// <param name="log">Where the pump appends every byte the guest sends (the console owns and closes it), or <see langword="null"/>.</param>
    public NativeSerialConsole(Stream? log = null)
    {
        _log = log;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Raised on the pump's task for every complete line, and for the unterminated rest when it grows.</summary>
    public event Action<string>? LineReceived;

    /// <summary>Connects what receives the console's input: the machine's UART, or the socket to the process that runs it.</summary>
    /// <param name="input">The receiver.</param>
    public void Attach(ISerialInput input) => _input = input;

    /// <inheritdoc/>
    public void Transmit(byte value) => _transmitted.Writer.TryWrite(value);

    /// <summary>Ends the output: readers see the end of their streams once the queue drains.</summary>
    /// <param name="closingLine">A line of Pane's own to end the output with (it reaches every reader and the log), or <see langword="null"/>.</param>
    public void Complete(string? closingLine = null)
    {
        if (closingLine is not null)
        {
            foreach (var value in Encoding.UTF8.GetBytes($"\r\n{closingLine}\r\n"))
            {
                _transmitted.Writer.TryWrite(value);
            }
        }

        _transmitted.Writer.TryComplete();
    }

    /// <inheritdoc/>
    public Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var bytes = Subscribe(_byteReaders, Channel.CreateUnbounded<ReadOnlyMemory<byte>>());
        return Task.FromResult<Stream>(new ConsoleStream(bytes, this));
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<string> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lines = Subscribe(_lineReaders, Channel.CreateBounded<string>(new BoundedChannelOptions(LineBacklog) { FullMode = BoundedChannelFullMode.DropOldest }));
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
        finally
        {
            Unsubscribe(_lineReaders, lines);
        }
    }

    /// <inheritdoc/>
    public Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        Send(Encoding.UTF8.GetBytes(line + "\r"));
        return Task.CompletedTask;
    }

    /// <summary>Sends bytes to the guest.</summary>
    /// <param name="bytes">The bytes.</param>
    public void Send(ReadOnlySpan<byte> bytes) => _input?.Receive(bytes);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Complete();
        await _pump.ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        var text = new ConsoleText();
        var chunk = new List<byte>(4096);
        var reader = _transmitted.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            chunk.Clear();
            while (chunk.Count < 65536 && reader.TryRead(out var value))
            {
                chunk.Add(value);
            }

            var bytes = chunk.ToArray();
            await AppendToLogAsync(bytes).ConfigureAwait(false);
            Publish(_byteReaders, bytes);
            foreach (var line in text.Push(bytes))
            {
                Publish(_lineReaders, line);
                LineReceived?.Invoke(line);
            }

            if (text.Pending.Length > 0)
            {
                LineReceived?.Invoke(text.Pending);
            }
        }

        if (text.Pending.Length > 0)
        {
            Publish(_lineReaders, text.Pending);
        }

        Complete(_lineReaders);
        Complete(_byteReaders);
        if (_log is { } log)
        {
            _log = null;
            await log.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Appends a chunk to the serial log; a log that cannot be written (a full disk) is closed and the console goes on without it.</summary>
    private async Task AppendToLogAsync(byte[] bytes)
    {
        if (_log is not { } log)
        {
            return;
        }

        try
        {
            await log.WriteAsync(bytes).ConfigureAwait(false);
            await log.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            _log = null;
            await log.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Channel<T> Subscribe<T>(List<Channel<T>> readers, Channel<T> channel)
    {
        lock (readers)
        {
            if (_pump.IsCompleted)
            {
                channel.Writer.TryComplete();
            }

            readers.Add(channel);
        }

        return channel;
    }

    private static void Unsubscribe<T>(List<Channel<T>> readers, Channel<T> channel)
    {
        lock (readers)
        {
            readers.Remove(channel);
        }
    }

    private static void Publish<T>(List<Channel<T>> readers, T item)
    {
        lock (readers)
        {
            foreach (var reader in readers)
            {
                reader.Writer.TryWrite(item);
            }
        }
    }

    private static void Complete<T>(List<Channel<T>> readers)
    {
        lock (readers)
        {
            foreach (var reader in readers)
            {
                reader.Writer.TryComplete();
            }
        }
    }

    /// <summary>A terminal's view of the console: reads the guest's bytes, writes keystrokes to its UART.</summary>
    private sealed class ConsoleStream(Channel<ReadOnlyMemory<byte>> bytes, NativeSerialConsole console) : Stream
    {
        private ReadOnlyMemory<byte> _rest;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_rest.IsEmpty
                && (!await bytes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !bytes.Reader.TryRead(out _rest)))
            {
                return 0;
            }

            var count = Math.Min(buffer.Length, _rest.Length);
            _rest[..count].CopyTo(buffer);
            _rest = _rest[count..];
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            console.Send(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Write(byte[] buffer, int offset, int count) => console.Send(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Unsubscribe(console._byteReaders, bytes);
            }

            base.Dispose(disposing);
        }
    }
}
