using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Pane.ImageSources.Tests;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 that serves one file at any path, answers <c>Range</c> requests (with
/// <c>If-Range</c> against its ETag), and misbehaves on request: each request takes the next scripted
/// <see cref="Misbehaviour"/>, and behaves once the script is used up. It closes the connection after each response.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<Misbehaviour> _script = new();
    private readonly ConcurrentQueue<ObservedRequest> _requests = new();
    private readonly Task _accepting;

    public TestHttpServer(byte[] content)
    {
        Content = content;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Gets or sets the file served.</summary>
    public byte[] Content { get; set; }

    /// <summary>Gets other files served as they are, by path.</summary>
    public ConcurrentDictionary<string, byte[]> OtherFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the ETag served; change it to make the file a new version.</summary>
    public string ETag { get; set; } = "\"v1\"";

    /// <summary>Gets the SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    /// <summary>Gets the requests seen so far, in order.</summary>
    public IReadOnlyList<ObservedRequest> Requests => [.. _requests];

    /// <summary>Gets a task that completes when a <see cref="Misbehaviour.PauseAfter"/> response reached its pause.</summary>
    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that a paused response waits for before it closes its connection.</summary>
    public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the URL of a file on this server.</summary>
    /// <param name="name">The file's name.</param>
    /// <returns>The URL.</returns>
    public Uri Url(string name = "disk.qcow2") => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/images/{name}");

    /// <summary>Scripts how the next requests misbehave.</summary>
    /// <param name="misbehaviours">One per request.</param>
    public void Then(params Misbehaviour[] misbehaviours)
    {
        foreach (var misbehaviour in misbehaviours)
        {
            _script.Enqueue(misbehaviour);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Resume.TrySetResult();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head is null)
                {
                    return;
                }

                var request = ObservedRequest.Parse(head);
                _requests.Enqueue(request);
                _script.TryDequeue(out var misbehaviour);
                await RespondAsync(client, stream, request, misbehaviour ?? Misbehaviour.None);
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the server stops.
            }
        }
    }

    private async Task RespondAsync(TcpClient client, NetworkStream stream, ObservedRequest request, Misbehaviour misbehaviour)
    {
        var token = _stopping.Token;
        if (misbehaviour.Status is { } status)
        {
            await WriteHeadAsync(stream, status, [("Content-Length", "0")], token);
            return;
        }

        if (OtherFiles.TryGetValue(request.Path, out var other))
        {
            await WriteHeadAsync(stream, 200, [("Content-Length", other.Length.ToString(CultureInfo.InvariantCulture))], token);
            await stream.WriteAsync(other, token);
            return;
        }

        var content = misbehaviour.WrongBytes ? [.. Content.Select(b => (byte)(b ^ 0x5a))] : Content;
        var start = 0L;
        var statusLine = 200;
        var headers = new List<(string, string)> { ("ETag", ETag), ("Accept-Ranges", "bytes") };
        var rangeAllowed = request.IfRange is null || request.IfRange == ETag;
        if (request.RangeStart is { } from && rangeAllowed)
        {
            if (from >= content.Length)
            {
                headers.Add(("Content-Range", $"bytes */{content.Length}"));
                headers.Add(("Content-Length", "0"));
                await WriteHeadAsync(stream, 416, headers, token);
                return;
            }

            start = from;
            statusLine = 206;
            headers.Add(("Content-Range", $"bytes {from}-{content.Length - 1}/{content.Length}"));
        }

        var body = content.AsMemory((int)start);
        var announced = body.Length + misbehaviour.ExtraAnnouncedBytes;
        headers.Add(("Content-Length", announced.ToString(CultureInfo.InvariantCulture)));
        await WriteHeadAsync(stream, statusLine, headers, token);
        var sendUntil = misbehaviour.CutAfter ?? misbehaviour.StallAfter ?? misbehaviour.PauseAfter ?? body.Length;
        var sent = Math.Min(sendUntil, body.Length);
        await stream.WriteAsync(body[..sent], token);
        await stream.FlushAsync(token);
        if (misbehaviour.StallAfter is not null)
        {
            await Task.Delay(Timeout.Infinite, token);
        }

        if (misbehaviour.PauseAfter is not null)
        {
            Paused.TrySetResult();
            await Resume.Task.WaitAsync(token);
        }
    }

    private static async Task WriteHeadAsync(NetworkStream stream, int status, List<(string Name, string Value)> headers, CancellationToken token)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        text.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), token);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        206 => "Partial Content",
        404 => "Not Found",
        416 => "Range Not Satisfiable",
        500 => "Internal Server Error",
        _ => "Status",
    };

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 16384)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
            {
                return Encoding.ASCII.GetString([.. bytes]);
            }
        }

        return null;
    }
}
