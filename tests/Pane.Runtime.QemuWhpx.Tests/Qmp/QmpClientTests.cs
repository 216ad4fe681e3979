using System.Diagnostics;
using Pane.Runtime.QemuWhpx.Machine;
using Pane.Runtime.QemuWhpx.Qmp;

namespace Pane.Runtime.QemuWhpx.Tests.Qmp;

/// <summary>Runs the client against a real QEMU with no guest (<c>-machine none</c>), which answers QMP at once.</summary>
public sealed class QmpClientTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pane-qmp-").FullName;
    private Process? _qemu;

    private string SocketPath => Path.Combine(_folder, "qmp.sock");

    public ValueTask InitializeAsync()
    {
        var start = new ProcessStartInfo("qemu-system-x86_64")
        {
            ArgumentList = { "-machine", "none", "-nodefaults", "-display", "none", "-chardev", $"socket,id=qmp0,path={SocketPath},server=on,wait=off", "-mon", "chardev=qmp0,mode=control" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _qemu = Process.Start(start);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_qemu is { HasExited: false })
        {
            _qemu.Kill();
            await _qemu.WaitForExitAsync();
        }

        _qemu?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Negotiates_and_runs_a_command_that_returns_a_value()
    {
        // Given
        await using var client = await QmpClient.ConnectAsync(QemuEndpoint.UnixSocket(SocketPath), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // When
        var status = await client.ExecuteAsync("query-status", null, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("running", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Reports_an_error_reply_with_qemus_description()
    {
        // Given
        await using var client = await QmpClient.ConnectAsync(QemuEndpoint.UnixSocket(SocketPath), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // When
        var error = await Assert.ThrowsAsync<QmpException>(() => client.ExecuteAsync("no-such-command", null, TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("no-such-command", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivers_the_shutdown_event_and_ends_the_event_stream_when_qemu_exits()
    {
        // Given
        await using var client = await QmpClient.ConnectAsync(QemuEndpoint.UnixSocket(SocketPath), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // When
        await client.ExecuteAsync("quit", null, TestContext.Current.CancellationToken);
        var events = new List<string>();
        await foreach (var received in client.Events.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            events.Add(received.Name);
        }

        // Then
        Assert.Contains("SHUTDOWN", events);
    }

    [Fact]
    public async Task Gives_up_with_a_clear_error_when_nothing_listens()
    {
        // Given
        var nowhere = QemuEndpoint.UnixSocket(Path.Combine(_folder, "absent.sock"));

        // When
        var error = await Assert.ThrowsAsync<QmpException>(() => QmpClient.ConnectAsync(nowhere, TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("absent.sock", error.Message, StringComparison.Ordinal);
    }
}
