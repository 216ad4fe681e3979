using System.Diagnostics;
using System.Text;
using Pane.Machines;
using Pane.Platform;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Machine;
using Pane.Runtime.Native.Tests.Boot;
using Pane.Runtime.Native.Tests.Boot.Compression;
using Pane.Runtime.Native.Tests.Hypervisors;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Tests;

public sealed class NativeRuntimeProviderTests
{
    private static IHostPlatform Host(HostOperatingSystem operatingSystem)
    {
        var platform = Substitute.For<IHostPlatform>();
        platform.OperatingSystem.Returns(operatingSystem);
        return platform;
    }

    private static IHypervisorProbe Answering(HypervisorStatus status)
    {
        var probe = Substitute.For<IHypervisorProbe>();
        probe.ProbeAsync(status.Kind, Arg.Any<CancellationToken>()).Returns(status);
        return probe;
    }

    private static IPaneHome Home()
    {
        var home = Substitute.For<IPaneHome>();
        home.CacheDirectory.Returns(Path.Combine(Path.GetTempPath(), "pane-native-provider-tests", "cache"));
        return home;
    }

    private static IHypervisorProbe UsableKvm() => Answering(HypervisorStatus.Usable(HypervisorKind.Kvm, "kvm_amd"));

    /// <summary>A kernel, an initramfs and a raw disk in a temporary folder.</summary>
    private sealed class Files : IDisposable
    {
        public Files()
        {
            Folder = Directory.CreateTempSubdirectory("pane-native-spec-").FullName;
            File.WriteAllBytes(Kernel, SyntheticKernel.Build());
            File.WriteAllBytes(Initramfs, new byte[4096]);
            File.WriteAllBytes(Disk, new byte[1 << 20]);
        }

        public string Folder { get; }

        public string Kernel => Path.Combine(Folder, "vmlinuz");

        public string Initramfs => Path.Combine(Folder, "initramfs.img");

        public string Disk => Path.Combine(Folder, "disk.raw");

        public MachineSpec Spec(params DiskSpec[] disks) => new()
        {
            Name = "m",
            VirtualCpus = 1,
            MemoryMiB = 64,
            Disks = disks.Length > 0 ? disks : [new DiskSpec(Disk, DiskFormat.Raw, DiskRole.Base) { IsEphemeral = true }],
            Boot = new BootSpec(Kernel, Initramfs, "root=/dev/vda rw"),
            StateDirectory = Folder,
        };

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    public sealed class ProbeAsync
    {
        [Fact]
        public async Task An_unusable_KVM_makes_it_unavailable_with_the_probe_s_reason_and_remedy()
        {
            // Given
            var kvm = HypervisorStatus.Unusable(
                HypervisorKind.Kvm,
                "This /dev/kvm (kvm_pvm) cannot run an ordinary guest.",
                "Run Pane on a host whose /dev/kvm comes from kvm_intel or kvm_amd, or use --runtime qemu.",
                "kvm_pvm");
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), Answering(kvm), Home());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Equal(0, result.Score);
            Assert.Equal(kvm.Reason, result.Reason);
            Assert.Equal(kvm.Remedy, result.Remedy);
            Assert.Equal("kvm", result.Accelerator);
            Assert.Equal("kvm_pvm", result.Details["found"]);
        }

        [Fact]
        public async Task A_usable_KVM_makes_it_available_below_accelerated_QEMU()
        {
            // Given
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), UsableKvm(), Home());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.True(result.IsAvailable);
            Assert.Equal(80, result.Score);
            Assert.True(result.IsAccelerated);
            Assert.Equal("kvm", result.Accelerator);
            Assert.Equal("kvm_amd", result.Details["found"]);
            Assert.Contains("PANE_GUEST_MODULES", result.Details["modules"], StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_usable_Windows_hypervisor_platform_is_still_unavailable_because_WHP_is_not_wired()
        {
            // Given
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Windows), Answering(HypervisorStatus.Usable(HypervisorKind.WindowsHypervisorPlatform, "whp")), Home());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Contains("Windows Hypervisor Platform", result.Reason, StringComparison.Ordinal);
            Assert.Equal("whp", result.Accelerator);
        }

        [Fact]
        public async Task An_unusable_Windows_hypervisor_platform_makes_it_unavailable_with_the_probe_s_reason()
        {
            // Given
            var whp = HypervisorStatus.Unusable(
                HypervisorKind.WindowsHypervisorPlatform,
                "The Windows Hypervisor Platform feature is not enabled.",
                "Enable it in Windows Features and restart.");
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Windows), Answering(whp), Home());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Equal(whp.Reason, result.Reason);
            Assert.Equal(whp.Remedy, result.Remedy);
        }

        [Fact]
        public async Task Another_operating_system_is_unavailable_without_asking_a_hypervisor()
        {
            // Given
            var probe = Substitute.For<IHypervisorProbe>();
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.MacOS), probe, Home());

            // When
            var result = await provider.ProbeAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.False(result.IsAvailable);
            Assert.Contains("MacOS", result.Reason, StringComparison.Ordinal);
            await probe.DidNotReceiveWithAnyArgs().ProbeAsync(default, TestContext.Current.CancellationToken);
        }
    }

    public sealed class StartAsync
    {
        [Fact]
        public async Task Refuses_to_start_where_the_probe_says_unavailable()
        {
            // Given
            using var files = new Files();
            var kvm = HypervisorStatus.Unusable(HypervisorKind.Kvm, "No KVM here.", "Use --runtime qemu.");
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), Answering(kvm), new NativeMachineStarter(() => new ScriptedHypervisor()));

            // When
            var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(() => provider.StartAsync(files.Spec(), TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("No KVM here.", error.Message);
        }

        [Fact]
        public async Task Refuses_a_persistent_root_overlay()
        {
            // Given
            using var files = new Files();
            var overlay = new DiskSpec(Path.Combine(files.Folder, "root.qcow2"), DiskFormat.Qcow2, DiskRole.RootOverlay) { Backing = new DiskSpec(files.Disk, DiskFormat.Raw, DiskRole.Base) };
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), UsableKvm(), new NativeMachineStarter(() => new ScriptedHypervisor()));

            // When
            var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(() => provider.StartAsync(files.Spec(overlay), TestContext.Current.CancellationToken));

            // Then
            Assert.Contains("--persist-root", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public async Task With_a_kernel_cache_enters_the_unpacked_vmlinux_and_keeps_it()
        {
            // Given
            using var files = new Files();
            var vmlinux = SyntheticElf.Kernel();
            File.WriteAllBytes(files.Kernel, KernelPayloadTests.WithPayload(XzTool.Compress(vmlinux, "--check=crc32", "--x86", "--lzma2"), vmlinux.Length));
            var cache = Path.Combine(files.Folder, "kernels");
            var hypervisor = new ScriptedHypervisor(end: ScriptEnd.WaitForCancel);
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), UsableKvm(), new NativeMachineStarter(() => hypervisor, new UncompressedKernelCache(cache)));

            // When
            var machine = await provider.StartAsync(files.Spec(), TestContext.Current.CancellationToken);
            await using (machine)
            {
                // Then
                var vm = hypervisor.Vm!;
                Assert.Equal(0x100_0000UL, vm.Vcpus[0].BootState!.Rip);
                Assert.True(vm.Memory.Slice(0x100_0000, 0x3000).SequenceEqual(vmlinux.AsSpan(0x1000, 0x3000)));
                Assert.Equal(vmlinux, File.ReadAllBytes(Assert.Single(Directory.GetFiles(cache))));
            }
        }

        [Fact]
        public async Task Boots_the_kernel_streams_the_console_reports_milestones_and_ends_at_the_guest_s_power_off()
        {
            // Given
            using var files = new Files();
            var script = "[    0.0] Linux version 6.1.0-26-amd64\r\nRun /init as init process\r\n[   9.9] reboot: Power down\r\n";
            var hypervisor = new ScriptedHypervisor(script, end: ScriptEnd.WaitForCancel);
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), UsableKvm(), new NativeMachineStarter(() => hypervisor));
            var spec = files.Spec(
                new DiskSpec(files.Disk, DiskFormat.Raw, DiskRole.Base) { IsEphemeral = true },
                new DiskSpec(Path.Combine(files.Folder, "home.qcow2"), DiskFormat.Qcow2, DiskRole.UserData));

            // When
            var machine = await provider.StartAsync(spec, TestContext.Current.CancellationToken);
            await using (machine)
            {
                var lines = new List<string>();
                await foreach (var line in machine.Console.ReadLinesAsync(TestContext.Current.CancellationToken))
                {
                    lines.Add(line);
                    if (line.Contains("Power down", StringComparison.Ordinal))
                    {
                        break;
                    }
                }

                var exit = await machine.WaitForExitAsync(TestContext.Current.CancellationToken);

                // Then
                Assert.Equal(0, exit);
                Assert.Equal(VirtualMachineState.Stopped, machine.State);
                Assert.Equal([BootMilestoneKind.KernelStarted, BootMilestoneKind.InitramfsStarted], machine.Milestones.Select(milestone => milestone.Kind));
                Assert.Equal("native", machine.Record.RuntimeId);
                Assert.Equal("scripted", machine.Record.Accelerator);
                Assert.Equal(Environment.ProcessId, machine.Record.ProcessId);
                Assert.Equal(DiskRole.Base, Assert.Single(machine.Record.Disks).Role);
                Assert.Equal(ShutdownMethod.AlreadyStopped, (await machine.ShutdownAsync(TimeSpan.Zero, TestContext.Current.CancellationToken)).Method);
                Assert.DoesNotContain(lines, line => line.StartsWith("[pane]", StringComparison.Ordinal));
            }
        }

        [Fact]
        public async Task A_machine_that_fails_ends_its_console_and_serial_log_with_why_and_exits_with_a_failure()
        {
            // Given
            using var files = new Files();
            var hypervisor = new ScriptedHypervisor("[    3.2] clocksource: Switched to clocksource tsc\r\n", ScriptEnd.Fail);
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), UsableKvm(), new NativeMachineStarter(() => hypervisor));

            // When
            var machine = await provider.StartAsync(files.Spec(), TestContext.Current.CancellationToken);
            int? exit;
            await using (machine)
            {
                exit = await machine.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            // Then
            Assert.Equal(1, exit);
            var log = await File.ReadAllTextAsync(Path.Combine(files.Folder, "serial.log"), TestContext.Current.CancellationToken);
            Assert.Equal("[    3.2] clocksource: Switched to clocksource tsc\r\n\r\n[pane] The machine stopped: The hypervisor refused KVM_RUN: Bad address.\r\n", log);
        }

        [Fact]
        public async Task Shutdown_types_poweroff_on_the_console_and_ends_the_machine_after_the_grace_period()
        {
            // Given
            using var files = new Files();
            var hypervisor = new ScriptedHypervisor(end: ScriptEnd.WaitForCancel);
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), UsableKvm(), new NativeMachineStarter(() => hypervisor));
            var machine = await provider.StartAsync(files.Spec(), TestContext.Current.CancellationToken);
            await using (machine)
            {
                // When
                var result = await machine.ShutdownAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);

                // Then
                Assert.Equal(ShutdownMethod.Killed, result.Method);
                Assert.Equal(VirtualMachineState.Stopped, machine.State);
            }
        }
    }

    public sealed class AttachAsync
    {
        private static async Task<string> ReadUntilAsync(Stream stream, string expected)
        {
            var received = new StringBuilder();
            var buffer = new byte[256];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (!received.ToString().Contains(expected, StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return received.ToString();
        }

        private static async Task<(IVirtualMachine Machine, Files Files)> StartEchoMachineAsync()
        {
            var files = new Files();
            var provider = new NativeRuntimeProvider(Host(HostOperatingSystem.Linux), UsableKvm(), new NativeMachineStarter(() => new ScriptedHypervisor(end: ScriptEnd.Echo)));
            return (await provider.StartAsync(files.Spec(), TestContext.Current.CancellationToken), files);
        }

        private static NativeRuntimeProvider Provider() => new(Host(HostOperatingSystem.Linux), NullHypervisorProbe.Instance, Home());

        [Fact]
        public async Task Reaches_the_console_of_a_machine_in_another_process_through_a_socket_only_the_user_can_use()
        {
            // Given
            var (machine, files) = await StartEchoMachineAsync();
            using (files)
            await using (machine)
            {
                // When
                var attached = await Provider().AttachAsync(machine.Record, TestContext.Current.CancellationToken);
                string echoed;
                await using (attached)
                {
                    var terminal = await attached.Console.OpenAsync(TestContext.Current.CancellationToken);
                    await terminal.WriteAsync("MARK-42\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
                    echoed = await ReadUntilAsync(terminal, "MARK-42\r\n");
                }

                // Then
                Assert.Equal("MARK-42\r\n", echoed);
                Assert.Equal(Path.Combine(files.Folder, "serial.sock"), machine.Record.ConsoleEndpoint);
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(machine.Record.ConsoleEndpoint!));
                }

                Assert.Equal(VirtualMachineState.Running, machine.State);
            }

            Assert.False(File.Exists(Path.Combine(files.Folder, "serial.sock")));
        }

        [Fact]
        public async Task Stop_types_poweroff_on_the_console_and_ends_the_launching_process_after_the_grace_period()
        {
            // Given
            var (machine, files) = await StartEchoMachineAsync();
            using var launching = Process.Start(new ProcessStartInfo("sleep", "60"))!;
            using (files)
            await using (machine)
            {
                var guest = await machine.Console.OpenAsync(TestContext.Current.CancellationToken);
                var record = machine.Record with { ProcessId = launching.Id, ProcessStartTime = ProcessIdentity.StartTimeOf(launching.Id) };
                var attached = await Provider().AttachAsync(record, TestContext.Current.CancellationToken);
                await using (attached)
                {
                    // When
                    var result = await attached.ShutdownAsync(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

                    // Then
                    Assert.Equal(ShutdownMethod.Killed, result.Method);
                    Assert.True(launching.HasExited);
                    Assert.Equal(VirtualMachineState.Stopped, attached.State);
                    Assert.Equal("poweroff\r", await ReadUntilAsync(guest, "poweroff\r"));
                }
            }
        }

        [Fact]
        public async Task Stop_of_a_machine_whose_launching_process_has_ended_says_it_was_not_running()
        {
            // Given
            var (machine, files) = await StartEchoMachineAsync();
            using var ended = Process.Start(new ProcessStartInfo("true"))!;
            var startTime = ProcessIdentity.StartTimeOf(ended.Id) ?? DateTimeOffset.UnixEpoch;
            await ended.WaitForExitAsync(TestContext.Current.CancellationToken);
            using (files)
            await using (machine)
            {
                var record = machine.Record with { ProcessId = ended.Id, ProcessStartTime = startTime };
                var attached = await Provider().AttachAsync(record, TestContext.Current.CancellationToken);
                await using (attached)
                {
                    // When
                    var result = await attached.ShutdownAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

                    // Then
                    Assert.Equal(ShutdownMethod.AlreadyStopped, result.Method);
                }
            }
        }

        [Fact]
        public async Task A_console_socket_nothing_answers_at_is_reported_with_the_machine_s_name()
        {
            // Given
            using var files = new Files();
            var record = new VirtualMachineRecord
            {
                Name = "m",
                RuntimeId = "native",
                ProcessId = Environment.ProcessId,
                ProcessStartTime = DateTimeOffset.UtcNow,
                ConsoleEndpoint = Path.Combine(files.Folder, "serial.sock"),
                StartedAt = DateTimeOffset.UnixEpoch,
            };

            // When
            var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(() => Provider().AttachAsync(record, TestContext.Current.CancellationToken));

            // Then
            Assert.StartsWith($"The native machine 'm' does not answer at {record.ConsoleEndpoint}", error.Message, StringComparison.Ordinal);
            Assert.Contains("pane status", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_record_without_a_console_socket_is_refused_saying_how_to_stop_the_machine()
        {
            // Given
            var record = new VirtualMachineRecord { Name = "m", RuntimeId = "native", StartedAt = DateTimeOffset.UnixEpoch };

            // When
            var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(
                () => Provider().AttachAsync(record, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("native", error.RuntimeId);
            Assert.Contains("'m'", error.Message, StringComparison.Ordinal);
            Assert.Contains("pane launch", error.Remedy, StringComparison.Ordinal);
        }
    }
}
