using System.Text.Json;
using Pane.Host.Hosting;
using Pane.Host.Machines;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Host.Tests.Cli.Status;

public static class StatusCommandTests
{
    public sealed class ExecuteAsync : IDisposable
    {
        private readonly string _home = Directory.CreateTempSubdirectory("pane-status-").FullName;

        public void Dispose() => Directory.Delete(_home, recursive: true);

        [Fact]
        public async Task Shows_a_running_machines_vnc_and_websocket_endpoints()
        {
            // Given
            var self = Environment.ProcessId;
            var record = new VirtualMachineRecord
            {
                Name = "desk",
                RuntimeId = "qemu",
                ProcessId = self,
                ProcessStartTime = ProcessIdentity.StartTimeOf(self),
                Accelerator = "tcg",
                ConsoleEndpoint = "unix:/run/serial.sock",
                DisplayEndpoint = "vnc://127.0.0.1:5901",
                DisplayWebSocketEndpoint = "ws://127.0.0.1:41000",
                StartedAt = DateTimeOffset.UtcNow,
            };
            await new MachineStore(new PaneHome(_home)).WriteAsync(record, TestContext.Current.CancellationToken);

            // When
            var json = await CliRunner.RunAsync(null, "--home", _home, "status", "--json");
            var table = await CliRunner.RunAsync(null, "--home", _home, "status");

            // Then
            Assert.Equal(0, json.ExitCode);
            var entry = Assert.Single(JsonDocument.Parse(json.Output).RootElement.EnumerateArray());
            Assert.Equal("running", entry.GetProperty("state").GetString());
            Assert.Equal("vnc://127.0.0.1:5901", entry.GetProperty("display").GetString());
            Assert.Equal("ws://127.0.0.1:41000", entry.GetProperty("displayWebSocket").GetString());
            Assert.Contains("vnc://127.0.0.1:5901", table.Output, StringComparison.Ordinal);
        }
    }
}
