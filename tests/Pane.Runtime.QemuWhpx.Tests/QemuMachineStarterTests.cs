using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Pane.Host.Platform;
using Pane.Machines;
using Pane.Platform;
using Pane.Runtime.QemuWhpx.Machine;
using Pane.Runtime.QemuWhpx.Tests.TestSupport;
using Pane.Tests.Fixtures;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx.Tests;

/// <summary>Boots the real guest fixture under TCG: the slow, end-to-end part of this project's tests.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class QemuMachineStarterTests : IDisposable
{
    private static readonly TimeSpan s_bootTimeout = TimeSpan.FromMinutes(3);

    /// <summary>What QEMU creates in the state folder that only the user may read and write.</summary>
    private static readonly string[] s_userOnlyFiles = ["serial.sock", "qmp.sock", "serial.log"];

    private readonly string _folder = Directory.CreateTempSubdirectory("pane-qemu-").FullName;
    private readonly QemuMachineStarter _starter = new(new ProcessRunner(), new HostPlatform());

    public void Dispose()
    {
        var pidFile = Path.Combine(_folder, "vm", "qemu.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var leftover) && ProcessIdentity.StartTimeOf(leftover) is not null)
        {
            using var qemu = Process.GetProcessById(leftover);
            qemu.Kill();
            qemu.WaitForExit();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private MachineSpec Spec(GuestImage guest, string commandLine) => new()
    {
        Name = "e2e",
        VirtualCpus = 2,
        MemoryMiB = 512,
        Disks =
        [
            new DiskSpec(guest.Disk, DiskFormat.Raw, DiskRole.Base) { IsEphemeral = true },
            new DiskSpec(Path.Combine(_folder, "home.qcow2"), DiskFormat.Qcow2, DiskRole.UserData),
        ],
        Boot = new BootSpec(guest.Kernel, guest.Initramfs, commandLine),
        StateDirectory = Path.Combine(_folder, "vm"),
    };

    private async Task<BootMilestone> WaitForAsync(QemuVirtualMachine machine, BootMilestoneKind kind, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (machine.Milestones.FirstOrDefault(milestone => milestone.Kind == kind) is { } reached)
            {
                return reached;
            }

            Assert.Equal(VirtualMachineState.Running, machine.State);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The guest did not reach {kind} within {timeout}; serial log: {File.ReadAllText(Path.Combine(_folder, "vm", "serial.log"))}");
    }

    /// <summary>Sends a command until its answer shows: input typed while login still starts the shell is flushed.</summary>
    private static async Task<bool> AskAsync(QemuVirtualMachine machine, string command, string answer)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        reading.CancelAfter(TimeSpan.FromMinutes(2));
        var answered = new TaskCompletionSource();
        var lines = Task.Run(
            async () =>
            {
                await foreach (var line in machine.Console.ReadLinesAsync(reading.Token))
                {
                    if (line.Trim() == answer)
                    {
                        answered.TrySetResult();
                        return;
                    }
                }
            },
            reading.Token);
        while (!answered.Task.IsCompleted && !reading.IsCancellationRequested)
        {
            await machine.Console.WriteLineAsync(command, reading.Token);
            await Task.WhenAny(answered.Task, Task.Delay(TimeSpan.FromSeconds(3), reading.Token));
        }

        await reading.CancelAsync();
        await lines.ContinueWith(_ => { }, TaskScheduler.Default);
        return answered.Task.IsCompleted;
    }

    [Fact]
    public async Task Boots_the_guest_to_login_answers_a_command_and_powers_off_through_acpi()
    {
        // Given
        var guest = GuestImage.Shared;
        var baseHash = Convert.ToHexString(await SHA256.HashDataAsync(File.OpenRead(guest.Disk), TestContext.Current.CancellationToken));
        var spec = Spec(guest, $"console=ttyS0 root={guest.Root} rw fstab=0");

        // When
        await using var machine = await _starter.StartAsync(spec, "qemu-system-x86_64", null, "tcg", "max", TestContext.Current.CancellationToken);
        var channelModes = s_userOnlyFiles.Select(name => File.GetUnixFileMode(Path.Combine(spec.StateDirectory, name))).ToArray();
        await WaitForAsync(machine, BootMilestoneKind.Login, s_bootTimeout);
        var answered = await AskAsync(machine, "echo MARK-$((6*7))", "MARK-42");
        var stop = await machine.ShutdownAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Then
        Assert.True(answered);
        Assert.Equal(ShutdownMethod.AcpiPowerdown, stop.Method);
        Assert.Equal(VirtualMachineState.Stopped, machine.State);
        Assert.Equal(
            [BootMilestoneKind.KernelStarted, BootMilestoneKind.InitramfsStarted, BootMilestoneKind.RootMounted, BootMilestoneKind.InitExecuted, BootMilestoneKind.HomeMounted, BootMilestoneKind.MultiUser, BootMilestoneKind.Login],
            machine.Milestones.Select(milestone => milestone.Kind).Order());
        Assert.True(File.Exists(Path.Combine(_folder, "home.qcow2")));
        Assert.Contains("Reached target", await File.ReadAllTextAsync(Path.Combine(spec.StateDirectory, "serial.log"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(spec.StateDirectory));
        Assert.All(channelModes, mode => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode));
        Assert.Equal(baseHash, Convert.ToHexString(await SHA256.HashDataAsync(File.OpenRead(guest.Disk), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Sees_a_killed_qemu_as_stopped_and_refuses_to_attach_to_its_record()
    {
        // Given
        var guest = GuestImage.Shared;
        await using var machine = await _starter.StartAsync(Spec(guest, $"console=ttyS0 root={guest.Root} rw fstab=0"), "qemu-system-x86_64", null, "tcg", "max", TestContext.Current.CancellationToken);
        await WaitForAsync(machine, BootMilestoneKind.KernelStarted, s_bootTimeout);

        // When
        using (var qemu = Process.GetProcessById(machine.Record.ProcessId!.Value))
        {
            qemu.Kill();
        }

        await machine.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var attach = await Assert.ThrowsAsync<RuntimeUnavailableException>(() => QemuMachineStarter.AttachAsync(machine.Record, TestContext.Current.CancellationToken));

        // Then
        Assert.Equal(VirtualMachineState.Stopped, machine.State);
        Assert.False(ProcessIdentity.IsRunning(machine.Record.ProcessId!.Value, machine.Record.ProcessStartTime!.Value));
        Assert.Contains("is not running", attach.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_qemus_own_error_when_it_refuses_the_machine()
    {
        // Given
        var guest = GuestImage.Shared;
        var spec = Spec(guest, "console=ttyS0") with { Boot = new BootSpec(Path.Combine(_folder, "no-such-kernel"), null, "console=ttyS0") };

        // When
        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => _starter.StartAsync(spec, "qemu-system-x86_64", null, "tcg", "max", TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("no-such-kernel", error.Message, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Serves_vnc_and_its_websocket_on_loopback_only_behind_the_password_it_was_given()
    {
        // Given
        const string Password = "pAne2vnc";
        var guest = GuestImage.Shared;
        var spec = Spec(guest, $"console=ttyS0 root={guest.Root} rw fstab=0") with { Display = DisplayMode.Vnc, DisplayPassword = Password };
        var token = TestContext.Current.CancellationToken;

        // When
        await using var machine = await _starter.StartAsync(spec, "qemu-system-x86_64", null, "tcg", "max", token);
        var port = int.Parse(machine.Record.DisplayEndpoint!["vnc://127.0.0.1:".Length..], CultureInfo.InvariantCulture);
        var webSocketPort = int.Parse(machine.Record.DisplayWebSocketEndpoint!["ws://127.0.0.1:".Length..], CultureInfo.InvariantCulture);
        (string Version, byte[] SecurityTypes) greeting;
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port, token);
            greeting = await VncProbe.GreetAsync(client.GetStream(), token);
        }

        var accepted = await VncProbe.AuthenticateAsync(port, Password, token);
        var refused = await VncProbe.AuthenticateAsync(port, "wrong-pw", token);
        var upgrade = await VncProbe.UpgradeAsync(webSocketPort, token);
        var listening = ListeningSockets.Of(machine.Record.ProcessId!.Value);
        var commandLine = await File.ReadAllTextAsync($"/proc/{machine.Record.ProcessId}/cmdline", token);
        await machine.ShutdownAsync(TimeSpan.Zero, token);

        // Then
        Assert.Equal("RFB 003.008\n", greeting.Version);
        Assert.Equal([VncProbe.VncAuthentication], greeting.SecurityTypes);
        Assert.Equal(0u, accepted);
        Assert.Equal(1u, refused);
        Assert.StartsWith("HTTP/1.1 101", upgrade.StatusLine, StringComparison.Ordinal);
        Assert.Equal(upgrade.Expected, upgrade.Accept);
        Assert.NotEqual(port, webSocketPort);
        Assert.Contains(("0100007F", port), listening);
        Assert.Contains(("0100007F", webSocketPort), listening);
        Assert.All(listening, socket => Assert.Equal("0100007F", socket.Address));
        Assert.DoesNotContain(Password, commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, await File.ReadAllTextAsync(Path.Combine(spec.StateDirectory, "serial.log"), token), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(spec.StateDirectory).Where(file => !file.EndsWith(".sock", StringComparison.Ordinal)).Select(File.ReadAllText), text => text.Contains(Password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DisplayMode.Gtk, "gtk")]
    [InlineData(DisplayMode.Sdl, "sdl")]
    public async Task Refuses_a_window_the_installed_qemu_was_built_without_before_touching_anything(DisplayMode display, string backend)
    {
        // Given
        var qemu = FakeQemu.Write(Path.Combine(_folder, "bin", "qemu-system-x86_64"), displayOutput: "Available display backend types:\nnone\ndbus\n");
        var spec = new MachineSpec
        {
            Name = "e2e",
            VirtualCpus = 2,
            MemoryMiB = 512,
            Disks = [new DiskSpec(Path.Combine(_folder, "home.qcow2"), DiskFormat.Qcow2, DiskRole.UserData)],
            Boot = new BootSpec("/boot/vmlinuz", null, "console=ttyS0"),
            Display = display,
            StateDirectory = Path.Combine(_folder, "vm"),
        };

        // When
        var error = await Assert.ThrowsAsync<RuntimeUnavailableException>(() => _starter.StartAsync(spec, qemu, null, "tcg", "max", TestContext.Current.CancellationToken));

        // Then
        Assert.Equal($"The QEMU at '{qemu}' has no {backend} display (it offers dbus, none).", error.Message);
        Assert.Contains("--display vnc", error.Remedy, StringComparison.Ordinal);
        Assert.False(Directory.Exists(spec.StateDirectory));
        Assert.False(File.Exists(Path.Combine(_folder, "home.qcow2")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nine-char")]
    public async Task Refuses_a_vnc_display_without_a_usable_password(string? password)
    {
        // Given
        var spec = new MachineSpec
        {
            Name = "e2e",
            VirtualCpus = 2,
            MemoryMiB = 512,
            Disks = [],
            Boot = new BootSpec("/boot/vmlinuz", null, "console=ttyS0"),
            Display = DisplayMode.Vnc,
            DisplayPassword = password,
            StateDirectory = Path.Combine(_folder, "vm"),
        };

        // When
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _starter.StartAsync(spec, "qemu-system-x86_64", null, "tcg", "max", TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("password of 1 to 8 characters", error.Message, StringComparison.Ordinal);
    }
}
