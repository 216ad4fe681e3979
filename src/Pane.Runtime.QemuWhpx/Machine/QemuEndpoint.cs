using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Pane.Runtime.QemuWhpx.Machine;

/// <summary>
/// Where a QEMU character device listens: a unix socket in a folder only the user can open, or, where QEMU on
/// Windows cannot take a socket path, a TCP port bound to the loopback address only.
/// </summary>
internal sealed record QemuEndpoint
{
    private QemuEndpoint(string? unixSocketPath, int? loopbackPort)
    {
        UnixSocketPath = unixSocketPath;
        LoopbackPort = loopbackPort;
    }

    /// <summary>Gets the unix socket's path, if this is one.</summary>
    public string? UnixSocketPath { get; }

    /// <summary>Gets the loopback TCP port, if this is one.</summary>
    public int? LoopbackPort { get; }

    /// <summary>Creates an endpoint on a unix socket.</summary>
    /// <param name="path">The socket's path.</param>
    /// <returns>The endpoint.</returns>
    public static QemuEndpoint UnixSocket(string path) => new(path, null);

    /// <summary>Creates an endpoint on a TCP port of 127.0.0.1.</summary>
    /// <param name="port">The port.</param>
    /// <returns>The endpoint.</returns>
    public static QemuEndpoint Loopback(int port) => new(null, port);

    /// <summary>Opens a socket and connects it to this endpoint.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The connected socket; the caller disposes it.</returns>
    /// <exception cref="SocketException">Nothing listens at the endpoint.</exception>
    public async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = UnixSocketPath is null
            ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            EndPoint address = UnixSocketPath is { } path
                ? new UnixDomainSocketEndPoint(path)
                : new IPEndPoint(IPAddress.Loopback, LoopbackPort!.Value);
            await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Gets the <c>-chardev socket</c> address options of this endpoint.</summary>
    /// <returns>For example <c>path=/run/x.sock</c> or <c>host=127.0.0.1,port=4444</c>.</returns>
    public string ToChardevAddress() => UnixSocketPath is { } path
        ? $"path={QemuOption.Escape(path)}"
        : $"host=127.0.0.1,port={LoopbackPort!.Value.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Gets the endpoint as it is stored in a machine record.</summary>
    /// <returns><c>unix:PATH</c> or <c>tcp:127.0.0.1:PORT</c>.</returns>
    public override string ToString() => UnixSocketPath is { } path
        ? $"unix:{path}"
        : $"tcp:127.0.0.1:{LoopbackPort!.Value.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads an endpoint written by <see cref="ToString"/>.</summary>
    /// <param name="text">The stored text.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="FormatException">The text is neither form.</exception>
    public static QemuEndpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("unix:", StringComparison.Ordinal) && text.Length > "unix:".Length)
        {
            return UnixSocket(text["unix:".Length..]);
        }

        const string TcpPrefix = "tcp:127.0.0.1:";
        if (text.StartsWith(TcpPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(TcpPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535)
        {
            return Loopback(port);
        }

        throw new FormatException($"'{text}' is not a QEMU endpoint (unix:PATH or tcp:127.0.0.1:PORT).");
    }
}
