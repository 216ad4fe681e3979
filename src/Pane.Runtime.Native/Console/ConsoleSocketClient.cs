using System.Net.Sockets;
using Pane.Runtime.Native.Serial;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Console;

/// <summary>
/// The console of a native machine that runs in another process, reached through its <see cref="ConsoleSocketServer"/>:
/// a pump hands the guest's bytes to a <see cref="NativeSerialConsole"/>, which gives them to readers as the
/// launching process's console does, and what is typed goes back through the socket. The console ends when the
/// machine, or its process, does.
/// </summary>
internal sealed class ConsoleSocketClient : ISerialInput, IAsyncDisposable
{
    private const int BufferSize = 4096;

    private readonly Socket _socket;
    private readonly Task _pump;

    private ConsoleSocketClient(Socket socket)
    {
        _socket = socket;
        Console.Attach(this);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Gets the console.</summary>
    public NativeSerialConsole Console { get; } = new();

    /// <summary>Connects to a machine's console socket.</summary>
    /// <param name="path">The socket's path.</param>
    /// <param name="machineName">The machine's name, for messages.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The connected console.</returns>
    /// <exception cref="RuntimeUnavailableException">Nothing answers at <paramref name="path"/>.</exception>
    public static async Task<ConsoleSocketClient> ConnectAsync(string path, string machineName, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException error)
        {
            socket.Dispose();
            throw new RuntimeUnavailableException(
                NativeRuntimeProvider.RuntimeId,
                $"The native machine '{machineName}' does not answer at {path}: {error.Message.TrimEnd('.')}.",
                "Check with 'pane status' that the 'pane launch' running it still runs.");
        }

        return new ConsoleSocketClient(socket);
    }

    /// <inheritdoc/>
    public void Receive(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _socket.Send(bytes);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // The machine is gone; its console has ended or is about to.
        }
    }

    /// <summary>Closes the connection; the machine runs on.</summary>
    /// <returns>A task that completes when the console has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _pump.ConfigureAwait(false);
        await Console.DisposeAsync().ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await _socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false)) > 0)
            {
                foreach (var value in buffer.AsSpan(0, read))
                {
                    Console.Transmit(value);
                }
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // The connection was closed.
        }
        finally
        {
            Console.Complete();
        }
    }
}
