using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Pane.Runtime.QemuWhpx.Tests.TestSupport;

/// <summary>Talks to a VNC server the way a client does: the RFB handshake, VNC authentication, a websocket upgrade.</summary>
internal static class VncProbe
{
    /// <summary>The RFB security type of VNC authentication (RFC 6143, 7.2.2).</summary>
    public const byte VncAuthentication = 2;

    /// <summary>The RFB security type that asks for nothing.</summary>
    public const byte NoAuthentication = 1;

    /// <summary>Reads the server's protocol version, answers it, and returns it with the security types offered.</summary>
    public static async Task<(string Version, byte[] SecurityTypes)> GreetAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var version = Encoding.ASCII.GetString(await ReadExactlyAsync(stream, 12, cancellationToken));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("RFB 003.008\n"), cancellationToken);
        var count = (await ReadExactlyAsync(stream, 1, cancellationToken))[0];
        return (version, await ReadExactlyAsync(stream, count, cancellationToken));
    }

    /// <summary>Chooses VNC authentication, answers the challenge with the password, and returns the RFB SecurityResult (0 = accepted).</summary>
    public static async Task<uint> AuthenticateAsync(int port, string password, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        var stream = client.GetStream();
        var (_, types) = await GreetAsync(stream, cancellationToken);
        Assert.Contains(VncAuthentication, types);
        await stream.WriteAsync(new[] { VncAuthentication }, cancellationToken);
        var challenge = await ReadExactlyAsync(stream, 16, cancellationToken);
        await stream.WriteAsync(Answer(challenge, password), cancellationToken);
        var result = await ReadExactlyAsync(stream, 4, cancellationToken);
        return (uint)(result[0] << 24 | result[1] << 16 | result[2] << 8 | result[3]);
    }

    /// <summary>Sends a websocket upgrade request and returns the server's status line and accept key, and the key expected.</summary>
    public static async Task<(string StatusLine, string? Accept, string Expected)> UpgradeAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        var stream = client.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = string.Create(
            CultureInfo.InvariantCulture,
            $"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: binary\r\nOrigin: http://127.0.0.1\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, cancellationToken) == 1)
        {
            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n");
        var accept = lines.FirstOrDefault(line => line.StartsWith("Sec-WebSocket-Accept:", StringComparison.OrdinalIgnoreCase))?["Sec-WebSocket-Accept:".Length..].Trim();
#pragma warning disable CA5350 // RFC 6455 defines Sec-WebSocket-Accept with SHA-1; the test checks the server computed it.
        var expected = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        return (lines[0], accept, expected);
    }

    /// <summary>
    /// VNC authentication's answer: the challenge encrypted with DES in ECB mode, keyed by the password's first 8
    /// bytes with the bits of each byte reversed (a quirk every VNC implementation shares).
    /// </summary>
    private static byte[] Answer(byte[] challenge, string password)
    {
        var key = new byte[8];
        var bytes = Encoding.ASCII.GetBytes(password);
        for (var index = 0; index < Math.Min(8, bytes.Length); index++)
        {
            var value = bytes[index];
            byte reversed = 0;
            for (var bit = 0; bit < 8; bit++)
            {
                reversed |= (byte)(((value >> bit) & 1) << (7 - bit));
            }

            key[index] = reversed;
        }

#pragma warning disable CA5351 // The RFB protocol's VNC authentication is defined with DES; the test speaks it as a client must.
        using var des = DES.Create();
#pragma warning restore CA5351
        des.Key = key;
        return des.EncryptEcb(challenge, PaddingMode.None);
    }

    private static async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
