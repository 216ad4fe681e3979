using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;
using Pane.Host.Tests.Runtimes;
using Pane.Machines;
using Pane.Runtimes;
using Pane.Tests.Fixtures;

namespace Pane.Host.Tests.Cli.Launch;

public sealed class LaunchCommandTests
{
    [Collection(GuestBoots.Name)]
    public sealed class ExecuteAsync : IDisposable
    {
        /// <summary>The id of the QEMU process a machine's record names: another process than this one.</summary>
        private const int QemuProcessId = 4_000_000;

        private readonly string _home = Directory.CreateTempSubdirectory("pane-launch-").FullName;

        public void Dispose() => Directory.Delete(_home, recursive: true);

        [Theory]
        [InlineData("window")]
        [InlineData("GTK")]
        [InlineData("1")]
        public async Task Takes_only_the_display_names_none_gtk_sdl_and_vnc(string display)
        {
            // When
            var result = await CliRunner.RunAsync(null, "launch", "image.raw", "--display", display, "--home", _home);

            // Then
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"--display takes none, gtk, sdl or vnc, not '{display}'.", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Gives_a_vnc_machine_a_fresh_random_password_prints_it_once_and_keeps_it_out_of_the_record()
        {
            // Given
            var specs = new List<MachineSpec>();
            var provider = TestRuntimes.Available("qemu", 100);
            provider.StartAsync(Arg.Do<MachineSpec>(specs.Add), Arg.Any<CancellationToken>())
                .Returns(call => Machine(call.Arg<MachineSpec>().Name));
            var catalog = TestRuntimes.Catalog(provider);
            string[] args = ["launch", GuestImage.Shared.Disk, "--display", "vnc", "--detach", "--name", "screen", "--home", _home];

            // When
            var first = await CliRunner.RunAsync(services => services.AddSingleton(catalog), args);
            var record = await File.ReadAllTextAsync(Path.Combine(_home, "vms", "screen", "machine.json"), TestContext.Current.CancellationToken);
            File.Delete(Path.Combine(_home, "vms", "screen", "machine.json"));
            var second = await CliRunner.RunAsync(services => services.AddSingleton(catalog), args);

            // Then
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(0, second.ExitCode);
            Assert.Equal(DisplayMode.Vnc, specs[0].Display);
            var password = specs[0].DisplayPassword!;
            Assert.Matches("^[A-HJ-NP-Za-km-z2-9]{8}$", password);
            Assert.NotEqual(password, specs[1].DisplayPassword);
            Assert.Contains($"Display: vnc://127.0.0.1:5901 (browser VNC client: ws://127.0.0.1:43210), password {password}", first.Output, StringComparison.Ordinal);
            Assert.Single(first.Output.Split(password).Skip(1));
            Assert.Contains("\"displayEndpoint\": \"vnc://127.0.0.1:5901\"", record, StringComparison.Ordinal);
            Assert.DoesNotContain(password, record, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Powers_a_headless_machine_off_after_its_login_and_prints_the_boot_timeline()
        {
            // Given
            var machine = Machine("default");
            machine.ShutdownAsync(Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(new ShutdownResult(ShutdownMethod.AcpiPowerdown, TimeSpan.FromSeconds(2)));
            var catalog = Catalog(machine, out _);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "launch", GuestImage.Shared.Disk, "--headless", "--grace", "7", "--home", _home);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Boot timeline: kernel started 0.5 s, root filesystem mounted 1.5 s, login reached 3.0 s", result.Output, StringComparison.Ordinal);
            await machine.Received(1).ShutdownAsync(TimeSpan.FromSeconds(7), Arg.Any<CancellationToken>());
            Assert.False(File.Exists(Path.Combine(_home, "vms", "default", "machine.json")));
        }

        [Fact]
        public async Task Leaves_a_headless_machine_running_with_keep()
        {
            // Given
            var machine = Machine("default");
            var catalog = Catalog(machine, out _);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "launch", GuestImage.Shared.Disk, "--headless", "--keep", "--home", _home);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Machine 'default' runs; 'pane console --name default' attaches", result.Output, StringComparison.Ordinal);
            await machine.DidNotReceiveWithAnyArgs().ShutdownAsync(default, TestContext.Current.CancellationToken);
            Assert.True(File.Exists(Path.Combine(_home, "vms", "default", "machine.json")));
        }

        [Theory]
        [InlineData("--detach")]
        [InlineData("--headless", "--keep")]
        public async Task Keeps_serving_a_machine_that_lives_in_this_process_until_it_stops_saying_so(params string[] mode)
        {
            // Given
            var machine = Machine("default", Environment.ProcessId);
            machine.WaitForExitAsync(Arg.Any<CancellationToken>()).Returns(call => Task.Delay(200, call.Arg<CancellationToken>()).ContinueWith<int?>(_ => 0, TaskScheduler.Default));
            var catalog = Catalog(machine, out _);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), ["launch", GuestImage.Shared.Disk, .. mode, "--home", _home]);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains(
                "Machine 'default' runs inside this pane process, which keeps it running until the guest powers off: 'pane console --name default' attaches, 'pane stop --name default' stops it",
                result.Output,
                StringComparison.Ordinal);
            Assert.Contains("Machine 'default' stopped.", result.Output, StringComparison.Ordinal);
            await machine.DidNotReceiveWithAnyArgs().ShutdownAsync(default, TestContext.Current.CancellationToken);
            Assert.False(File.Exists(Path.Combine(_home, "vms", "default", "machine.json")));
        }

        [Fact]
        public async Task Extends_the_kernel_command_line_with_append()
        {
            // Given
            var catalog = Catalog(Machine("default"), out var specs);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "launch", GuestImage.Shared.Disk, "--detach", "--append", " quiet loglevel=3 ", "--home", _home);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal($"root={GuestImage.Shared.Root} console=ttyS0 fstab=0 rw quiet loglevel=3", specs.Single().Boot.CommandLine);
        }

        private static IPluginCatalog Catalog(IVirtualMachine machine, out List<MachineSpec> specs)
        {
            var started = new List<MachineSpec>();
            var provider = TestRuntimes.Available("qemu", 100);
            provider.StartAsync(Arg.Do<MachineSpec>(started.Add), Arg.Any<CancellationToken>()).Returns(machine);
            specs = started;
            return TestRuntimes.Catalog(provider);
        }

        private static IVirtualMachine Machine(string name, int processId = QemuProcessId)
        {
            var machine = Substitute.For<IVirtualMachine>();
            machine.Record.Returns(new VirtualMachineRecord
            {
                Name = name,
                RuntimeId = "qemu",
                ProcessId = processId,
                StartedAt = DateTimeOffset.UtcNow,
                DisplayEndpoint = "vnc://127.0.0.1:5901",
                DisplayWebSocketEndpoint = "ws://127.0.0.1:43210",
            });
            machine.Milestones.Returns(
            [
                new BootMilestone(BootMilestoneKind.KernelStarted, TimeSpan.FromSeconds(0.5), "Linux version"),
                new BootMilestone(BootMilestoneKind.Login, TimeSpan.FromSeconds(3), "login:"),
                new BootMilestone(BootMilestoneKind.RootMounted, TimeSpan.FromSeconds(1.5), "EXT4-fs (vda2): mounted"),
            ]);
            machine.WaitForExitAsync(Arg.Any<CancellationToken>()).Returns(call => Task.Delay(Timeout.Infinite, call.Arg<CancellationToken>()).ContinueWith<int?>(_ => null, TaskScheduler.Default));
            var console = Substitute.For<ISerialConsole>();
            console.ReadLinesAsync(Arg.Any<CancellationToken>()).Returns(_ => NoLines());
            machine.Console.Returns(console);
            return machine;
        }

        private static async IAsyncEnumerable<string> NoLines()
        {
            await Task.CompletedTask;
            yield break;
        }
    }
}
