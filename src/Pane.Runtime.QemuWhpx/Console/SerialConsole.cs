using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Pane.Runtime.QemuWhpx.Machine;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx.Console;

/// <summary>
/// The serial console of a QEMU machine. QEMU's socket chardev serves one client at a time, so this holds one
/// connection and shares it: a pump reads the guest's bytes and hands them, as lines without escape sequences, to
/// every line reader and to <see cref="LineReceived"/>; writes go through the same connection.
/// </summary>
internal sealed class SerialConsole : ISerialConsole, IAsyncDisposable
{
    private const int LineBacklog = 10_000;

    private readonly QemuEndpoint _endpoint;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly List<Channel<string>> _lineReaders = [];
    private readonly List<Channel<ReadOnlyMemory<byte>>> _byteReaders = [];
    private readonly CancellationTokenSource _stop = new();
    private Socket? _socket;
    private Task _pump = Task.CompletedTask;

    /// <summary>Initializes a new instance of the <see cref="SerialConsole"/> class.</summary>
    /// <param name="endpoint">Where QEMU's serial chardev listens.</param>
    public SerialConsole(QemuEndpoint endpoint)
    {
        _endpoint = endpoint;
    }

    /// <summary>Raised for every complete line, and for the unterminated rest each time it grows (a prompt).</summary>
    public event Action<string>? LineReceived;

    /// <summary>Connects to the console and starts reading it.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes once connected.</returns>
    /// <exception cref="RuntimeUnavailableException">Nothing listens at the endpoint.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket;
        try
        {
            socket = await _endpoint.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException error)
        {
            throw new RuntimeUnavailableException(
                "qemu",
                $"The machine's serial console at {_endpoint} does not answer: {error.Message}.",
                "Check that the machine is running with 'pane status'.");
        }

        _socket = socket;
        _pump = Task.Run(PumpAsync, CancellationToken.None);
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
        return WriteAsync(Encoding.UTF8.GetBytes(line + "\r"), cancellationToken);
    }

    /// <summary>Sends raw bytes to the guest.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when the bytes have been sent.</returns>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("Call ConnectAsync before writing to the console.");
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        await _pump.ConfigureAwait(false);
        _writeLock.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        var splitter = new ConsoleLineSplitter();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await _socket!.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false)) > 0)
            {
                var chunk = buffer.AsMemory(0, read).ToArray();
                Publish(_byteReaders, chunk);
                foreach (var line in splitter.Push(chunk))
                {
                    Publish(_lineReaders, line);
                    LineReceived?.Invoke(line);
                }

                if (splitter.Pending.Length > 0)
                {
                    LineReceived?.Invoke(splitter.Pending);
                }
            }
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The machine stopped or the console was disposed: readers see the end of their streams.
        }

        if (splitter.Pending.Length > 0)
        {
            Publish(_lineReaders, splitter.Pending);
        }

        Complete(_lineReaders);
        Complete(_byteReaders);
    }

    private Channel<T> Subscribe<T>(List<Channel<T>> readers, Channel<T> channel)
    {
        lock (readers)
        {
            if (_pump.IsCompleted && _socket is not null)
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

    /// <summary>A terminal's view of the console: reads the guest's bytes, writes keystrokes to the guest.</summary>
    private sealed class ConsoleStream(Channel<ReadOnlyMemory<byte>> bytes, SerialConsole console) : Stream
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
            if (_rest.IsEmpty)
            {
                if (!await bytes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !bytes.Reader.TryRead(out _rest))
                {
                    return 0;
                }
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

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(console.WriteAsync(buffer, cancellationToken));

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            console.WriteAsync(buffer.AsMemory(offset, count), cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) =>
            console.WriteAsync(buffer.AsMemory(offset, count), CancellationToken.None).GetAwaiter().GetResult();

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
