using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Cli.Workspace;
using Pane.Host.Plugins;
using Pane.Host.Tests.Runtimes;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Host.Tests.Cli.Workspace;

public sealed class WorkspaceCommandTests
{
    public sealed class ExecuteAsync : IDisposable
    {
        private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
        private readonly string _home = Directory.CreateTempSubdirectory("pane-workspace-").FullName;
        private readonly IPluginCatalog _noRuntimes = TestRuntimes.Catalog();
        private readonly IConfirmation _confirmation = Substitute.For<IConfirmation>();

        public void Dispose() => Directory.Delete(_home, recursive: true);

        private string Folder(string name = "default") => Path.Combine(_home, "vms", name);

        private string Disk(string file, string name = "default")
        {
            Directory.CreateDirectory(Folder(name));
            var path = Path.Combine(Folder(name), file);
            File.WriteAllBytes(path, new byte[4096]);
            return path;
        }

        private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(
            services =>
            {
                services.AddSingleton(_noRuntimes);
                services.AddSingleton(_confirmation);
            },
            [.. args, "--home", _home]);

        /// <summary>Writes the record of a machine whose process is this test run's own, so that it counts as running.</summary>
        private void RecordRunningMachine(string name = "default")
        {
            Directory.CreateDirectory(Folder(name));
            var record = new VirtualMachineRecord
            {
                Name = name,
                RuntimeId = "qemu",
                ProcessId = Environment.ProcessId,
                ProcessStartTime = ProcessIdentity.StartTimeOf(Environment.ProcessId),
                StartedAt = DateTimeOffset.UtcNow,
            };
            File.WriteAllText(Path.Combine(Folder(name), "machine.json"), JsonSerializer.Serialize(record, s_json));
        }

        [Fact]
        public async Task Reset_discards_the_root_overlay_and_keeps_home()
        {
            // Given
            var overlay = Disk("root.qcow2");
            var home = Disk("home.qcow2");

            // When
            var result = await RunAsync("workspace", "reset", "--yes");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.False(File.Exists(overlay));
            Assert.True(File.Exists(home));
            Assert.Contains($"Deleted {overlay}.", result.Output, StringComparison.Ordinal);
            await _confirmation.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, TestContext.Current.CancellationToken);
        }

        [Fact]
        public async Task Purge_discards_the_overlay_the_user_disk_and_a_killed_compactions_leftover_of_the_named_machine_only()
        {
            // Given
            var overlay = Disk("root.qcow2", "work");
            var home = Disk("home.qcow2", "work");
            var leftover = Disk("home.qcow2.compact.tmp", "work");
            var otherHome = Disk("home.qcow2");

            // When
            var result = await RunAsync("workspace", "purge", "--name", "work", "--yes");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.False(File.Exists(overlay));
            Assert.False(File.Exists(home));
            Assert.False(File.Exists(leftover));
            Assert.True(File.Exists(otherHome));
        }

        [Fact]
        public async Task Asks_first_and_changes_nothing_when_the_user_declines()
        {
            // Given
            var overlay = Disk("root.qcow2");
            var home = Disk("home.qcow2");
            _confirmation.ConfirmAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(false);

            // When
            var result = await RunAsync("workspace", "purge");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.True(File.Exists(overlay));
            Assert.True(File.Exists(home));
            Assert.Contains("Nothing changed.", result.Output, StringComparison.Ordinal);
            await _confirmation.Received(1).ConfirmAsync("Delete root.qcow2 (4.0 KiB), home.qcow2 (4.0 KiB) of machine 'default' for good?", Arg.Any<CancellationToken>());
        }

        [Fact]
        public async Task Goes_ahead_when_the_user_agrees()
        {
            // Given
            var overlay = Disk("root.qcow2");
            _confirmation.ConfirmAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(true);

            // When
            var result = await RunAsync("workspace", "--reset");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.False(File.Exists(overlay));
        }

        [Theory]
        [InlineData("reset")]
        [InlineData("purge")]
        [InlineData("compact")]
        public async Task Refuses_while_the_machine_runs_before_asking_anything(string action)
        {
            // Given
            var overlay = Disk("root.qcow2");
            RecordRunningMachine();

            // When
            var result = await RunAsync("workspace", action, "--yes");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("error: Machine 'default' is running, so its disks cannot change.", result.Error, StringComparison.Ordinal);
            Assert.Contains("remedy: Stop it first with 'pane stop --name default'.", result.Error, StringComparison.Ordinal);
            Assert.True(File.Exists(overlay));
            await _confirmation.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, TestContext.Current.CancellationToken);
        }

        [Fact]
        public async Task Clears_a_stale_record_with_the_disks()
        {
            // Given
            var overlay = Disk("root.qcow2");
            var record = new VirtualMachineRecord { Name = "default", RuntimeId = "qemu", ProcessId = int.MaxValue - 1, ProcessStartTime = DateTimeOffset.UnixEpoch, StartedAt = DateTimeOffset.UnixEpoch };
            File.WriteAllText(Path.Combine(Folder(), "machine.json"), JsonSerializer.Serialize(record, s_json));

            // When
            var result = await RunAsync("workspace", "reset", "--yes");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.False(File.Exists(overlay));
            Assert.False(File.Exists(Path.Combine(Folder(), "machine.json")));
        }

        [Fact]
        public async Task Says_so_when_there_is_nothing_to_reset()
        {
            // When
            var result = await RunAsync("workspace", "reset");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Machine 'default' has no root overlay; it starts from the base image already.", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Says_which_runtime_is_missing_when_none_can_compact()
        {
            // Given
            Disk("home.qcow2");

            // When
            var result = await RunAsync("workspace", "compact", "--yes");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("error: No loaded runtime can compact disk images.", result.Error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData]
        [InlineData("--reset", "--purge")]
        public async Task Wants_exactly_one_action(params string[] flags)
        {
            // When
            var result = await RunAsync(["workspace", .. flags, "--yes"]);

            // Then
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("Give one of reset, purge or compact", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Launch_with_reset_discards_the_overlay_before_it_launches()
        {
            // Given
            var overlay = Disk("root.qcow2");
            var home = Disk("home.qcow2");

            // When
            var result = await RunAsync("launch", Path.Combine(_home, "no-such-image.raw"), "--reset", "--yes", "--headless");

            // Then
            Assert.False(File.Exists(overlay));
            Assert.True(File.Exists(home));
            Assert.Contains($"Deleted {overlay}.", result.Error, StringComparison.Ordinal);
            Assert.Equal(1, result.ExitCode);
        }

        [Fact]
        public async Task Launch_with_purge_discards_the_overlay_and_the_user_disk_before_it_launches()
        {
            // Given
            var overlay = Disk("root.qcow2");
            var home = Disk("home.qcow2");

            // When
            var result = await RunAsync("launch", Path.Combine(_home, "no-such-image.raw"), "--purge", "--yes", "--headless");

            // Then
            Assert.False(File.Exists(overlay));
            Assert.False(File.Exists(home));
            Assert.Contains($"Deleted {overlay}.", result.Error, StringComparison.Ordinal);
            Assert.Contains($"Deleted {home}.", result.Error, StringComparison.Ordinal);
            Assert.Contains("no-such-image.raw", result.Error, StringComparison.Ordinal);
            Assert.Equal(1, result.ExitCode);
        }

        [Fact]
        public async Task Launch_refuses_two_workspace_actions_at_once()
        {
            // When
            var result = await RunAsync("launch", "image.raw", "--reset", "--compact");

            // Then
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--reset, --purge and --compact exclude each other.", result.Error, StringComparison.Ordinal);
        }
    }
}
