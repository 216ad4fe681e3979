using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Pane.Runtime.QemuWhpx.Machine;

namespace Pane.Runtime.QemuWhpx.Qmp;

/// <summary>
/// A client of the QEMU Machine Protocol: reads the greeting, negotiates capabilities, runs commands and
/// collects asynchronous events. Replies are matched to commands by id, so events may arrive in between.
/// </summary>
internal sealed class QmpClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Channel<QmpEvent> _events = Channel.CreateUnbounded<QmpEvent>();
    private readonly TaskCompletionSource<JsonElement> _greeting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _readLoop;
    private int _nextId;

    private QmpClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Gets the events QEMU has sent, in order; completed when the connection closes.</summary>
    public ChannelReader<QmpEvent> Events => _events.Reader;

    /// <summary>Connects, retrying while QEMU has not yet created the endpoint, and negotiates capabilities.</summary>
    /// <param name="endpoint">QMP's endpoint.</param>
    /// <param name="timeout">How long to keep trying.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A client in command mode.</returns>
    /// <exception cref="QmpException">No QMP server answered within <paramref name="timeout"/>.</exception>
    public static async Task<QmpClient> ConnectAsync(QemuEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Socket socket;
            try
            {
                socket = await endpoint.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (SocketException error)
            {
                throw new QmpException($"QEMU's control channel at {endpoint} did not answer within {timeout.TotalSeconds:0.#} s.", error);
            }

            var client = new QmpClient(socket);
            await client.NegotiateAsync(timeout, cancellationToken).ConfigureAwait(false);
            return client;
        }
    }

    /// <summary>Runs a command and returns its <c>return</c> member.</summary>
    /// <param name="command">The command, such as <c>system_powerdown</c>.</param>
    /// <param name="arguments">Its arguments, if any.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The reply's <c>return</c> member.</returns>
    /// <exception cref="QmpException">QEMU answered with an error, or the connection closed first.</exception>
    public async Task<JsonElement> ExecuteAsync(string command, JsonObject? arguments, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["execute"] = command, ["id"] = id };
        if (arguments is not null)
        {
            message["arguments"] = arguments;
        }

        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        using var registration = cancellationToken.Register(() => reply.TrySetCanceled(cancellationToken));
        return await reply.Task.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Shutdown(SocketShutdown.Both);
        _socket.Dispose();
        await _readLoop.ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
        _stop.Dispose();
    }

    private async Task NegotiateAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _greeting.Task.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QmpException("QEMU's control channel sent no QMP greeting.");
        }

        await ExecuteAsync("qmp_capabilities", null, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString() + "\n");
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            throw new QmpException("QEMU's control channel closed while a command was being sent.", error);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception? failure = null;
        try
        {
            using var reader = new StreamReader(_stream, Encoding.UTF8, leaveOpen: true);
            while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line)
            {
                Dispatch(line);
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            failure = error;
        }

        var closed = new QmpException("QEMU's control channel closed.", failure);
        _greeting.TrySetException(closed);
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(closed);
        }

        _events.Writer.TryComplete();
    }

    private void Dispatch(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        JsonElement message;
        try
        {
            message = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException)
        {
            return;
        }

        if (message.TryGetProperty("QMP", out _))
        {
            _greeting.TrySetResult(message);
        }
        else if (message.TryGetProperty("event", out var name))
        {
            var data = message.TryGetProperty("data", out var value) ? value : default;
            _events.Writer.TryWrite(new QmpEvent(name.GetString() ?? string.Empty, data));
        }
        else if (message.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetString() ?? string.Empty, out var reply))
        {
            Complete(reply, message);
        }
    }

    private static void Complete(TaskCompletionSource<JsonElement> reply, JsonElement message)
    {
        if (message.TryGetProperty("return", out var result))
        {
            reply.TrySetResult(result);
            return;
        }

        var description = message.TryGetProperty("error", out var error) && error.TryGetProperty("desc", out var desc)
            ? desc.GetString()
            : message.GetRawText();
        reply.TrySetException(new QmpException($"QEMU refused the command: {description}"));
    }
}
