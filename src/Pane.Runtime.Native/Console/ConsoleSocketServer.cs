using System.Net.Sockets;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Console;

/// <summary>
/// Serves a native machine's console on a Unix socket in its state folder, so that <c>pane console</c> and
/// <c>pane stop</c> in another process reach the machine living in the process that launched it. The socket is
/// readable and writable by the current user only, inside a folder only the user can enter. Each client gets the
/// guest's output from the moment it connects, and what it sends goes to the guest's UART; any number may connect.
/// </summary>
internal sealed class ConsoleSocketServer : IAsyncDisposable
{
    /// <summary>The socket's name inside the machine's state folder.</summary>
    public const string FileName = "serial.sock";

    private const int Backlog = 4;
    private const int BufferSize = 4096;

    private readonly Socket _listener;
    private readonly NativeSerialConsole _console;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private readonly Task _accepting;

    private ConsoleSocketServer(Socket listener, string path, NativeSerialConsole console)
    {
        _listener = listener;
        Path = path;
        _console = console;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Gets the socket's path.</summary>
    public string Path { get; }

    /// <summary>Creates the socket (replacing one an earlier boot left behind) and starts serving the console on it.</summary>
    /// <param name="stateDirectory">The machine's state folder, which exists and only the user can enter.</param>
    /// <param name="console">The console.</param>
    /// <returns>The server.</returns>
    /// <exception cref="RuntimeUnavailableException">The socket cannot be created.</exception>
    public static ConsoleSocketServer Start(string stateDirectory, NativeSerialConsole console)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        ArgumentNullException.ThrowIfNull(console);
        var path = System.IO.Path.Combine(stateDirectory, FileName);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            File.Delete(path);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            listener.Listen(Backlog);
        }
        catch (Exception error) when (error is SocketException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            listener.Dispose();
            throw new RuntimeUnavailableException(
                NativeRuntimeProvider.RuntimeId,
                $"The machine's console socket {path} cannot be created: {error.Message.TrimEnd('.')}.",
                "Use a shorter --home (a socket's path holds at most 107 bytes), or remove the file if it is left from an earlier machine.");
        }

        return new ConsoleSocketServer(listener, path, console);
    }

    /// <summary>Stops serving: closes the socket and every client, and removes the socket file.</summary>
    /// <returns>A task that completes when every client is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        Task[] clients;
        lock (_clients)
        {
            clients = [.. _clients];
        }

        await Task.WhenAll(clients).ConfigureAwait(false);
        File.Delete(Path);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_clients)
            {
                _clients.RemoveAll(task => task.IsCompleted);
                _clients.Add(Task.Run(() => ServeAsync(client)));
            }
        }
    }

    /// <summary>Copies the guest's output to a client and the client's bytes to the guest until either side ends.</summary>
    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            var output = await _console.OpenAsync(_stop.Token).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                using var ending = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var toClient = SendOutputAsync(output, client, ending.Token);
                var fromClient = ReceiveInputAsync(client, ending.Token);
                await Task.WhenAny(toClient, fromClient).ConfigureAwait(false);
                await ending.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(toClient, fromClient).ConfigureAwait(false);
            }
        }
    }

    private static async Task SendOutputAsync(Stream output, Socket client, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await client.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }

            client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client left, or the server stops.
        }
    }

    private async Task ReceiveInputAsync(Socket client, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await client.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
            {
                _console.Send(buffer.AsSpan(0, read));
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client left, or the server stops.
        }
    }
}
