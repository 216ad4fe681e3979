using System.Globalization;
using System.Text.Json;

namespace Pane.Runtime.QemuWhpx.Machine;

/// <summary>The loopback ports a machine's VNC server listens on: plain RFB, and RFB over a websocket for a browser.</summary>
/// <param name="Port">The RFB port.</param>
/// <param name="WebSocketPort">The websocket port.</param>
internal sealed record VncAddresses(int Port, int WebSocketPort)
{
    /// <summary>Gets the RFB endpoint, as a machine record stores it.</summary>
    public string Endpoint => $"vnc://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Gets the websocket endpoint, as a machine record stores it.</summary>
    public string WebSocketEndpoint => $"ws://127.0.0.1:{WebSocketPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Reads the answer of QMP's <c>query-vnc-servers</c>: each server lists its listening sockets with host,
    /// service (the port) and whether it speaks websocket.
    /// </summary>
    /// <param name="servers">The <c>return</c> member of the reply.</param>
    /// <returns>The ports, or <see langword="null"/> when the answer lacks a loopback RFB or websocket port.</returns>
    public static VncAddresses? Parse(JsonElement servers)
    {
        if (servers.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        int? port = null;
        int? webSocketPort = null;
        foreach (var server in servers.EnumerateArray())
        {
            if (server.ValueKind != JsonValueKind.Object || !server.TryGetProperty("server", out var sockets) || sockets.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var socket in sockets.EnumerateArray())
            {
                if (LoopbackPort(socket) is not { } found)
                {
                    continue;
                }

                var isWebSocket = socket.TryGetProperty("websocket", out var flag) && flag.ValueKind == JsonValueKind.True;
                if (isWebSocket)
                {
                    webSocketPort ??= found;
                }
                else
                {
                    port ??= found;
                }
            }
        }

        return port is { } rfb && webSocketPort is { } web ? new VncAddresses(rfb, web) : null;
    }

    private static int? LoopbackPort(JsonElement socket) =>
        socket.ValueKind == JsonValueKind.Object
        && socket.TryGetProperty("host", out var host) && host.ValueKind == JsonValueKind.String && host.GetString() == "127.0.0.1"
        && socket.TryGetProperty("service", out var service) && service.ValueKind == JsonValueKind.String
        && int.TryParse(service.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : null;
}
