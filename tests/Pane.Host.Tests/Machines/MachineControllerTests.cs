using System.Diagnostics;
using NSubstitute;
using Pane.Host.Hosting;
using Pane.Host.Machines;
using Pane.Host.Plugins;
using Pane.Runtimes;

namespace Pane.Host.Tests.Machines;

public sealed class MachineControllerTests
{
    public sealed class StatusOf : IDisposable
    {
        private readonly string _home = Directory.CreateTempSubdirectory("pane-controller-").FullName;
        private readonly MachineStore _store;
        private readonly MachineController _controller;

        public StatusOf()
        {
            _store = new MachineStore(new PaneHome(_home));
            _controller = new MachineController(_store, Substitute.For<IPluginCatalog>());
        }

        public void Dispose() => Directory.Delete(_home, recursive: true);

        private Task RecordAsync(int processId, DateTimeOffset processStartTime) => _store.WriteAsync(
            new VirtualMachineRecord
            {
                Name = "work",
                RuntimeId = "qemu",
                ProcessId = processId,
                ProcessStartTime = processStartTime,
                StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            },
            TestContext.Current.CancellationToken);

        [Fact]
        public async Task Reports_a_machine_whose_recorded_process_runs_as_running_with_its_uptime()
        {
            // Given
            using var self = Process.GetCurrentProcess();
            await RecordAsync(self.Id, new DateTimeOffset(self.StartTime));

            // When
            var status = _controller.StatusOf("work");

            // Then
            Assert.Equal(VirtualMachineState.Running, status.State);
            Assert.InRange(status.Uptime!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
        }

        [Fact]
        public async Task Reports_a_record_whose_pid_now_belongs_to_a_later_process_as_stale()
        {
            // Given
            using var self = Process.GetCurrentProcess();
            await RecordAsync(self.Id, new DateTimeOffset(self.StartTime).AddMinutes(-10));

            // When
            var status = _controller.StatusOf("work");

            // Then
            Assert.Equal(VirtualMachineState.Stale, status.State);
            Assert.Null(status.Uptime);
            Assert.NotNull(status.Record);
        }

        [Fact]
        public async Task Reports_a_record_whose_process_has_exited_as_stale()
        {
            // Given
            using var exited = Process.Start("true")!;
            await exited.WaitForExitAsync(TestContext.Current.CancellationToken);
            await RecordAsync(exited.Id, DateTimeOffset.UtcNow.AddMinutes(-5));

            // When
            var status = _controller.StatusOf("work");

            // Then
            Assert.Equal(VirtualMachineState.Stale, status.State);
        }

        [Fact]
        public void Reports_a_machine_without_a_record_as_stopped()
        {
            // When
            var status = _controller.StatusOf("never-launched");

            // Then
            Assert.Equal(VirtualMachineState.Stopped, status.State);
            Assert.Null(status.Record);
        }
    }
}
