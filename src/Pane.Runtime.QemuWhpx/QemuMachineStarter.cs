using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pane.Machines;
using Pane.Platform;
using Pane.Runtime.QemuWhpx.Console;
using Pane.Runtime.QemuWhpx.Discovery;
using Pane.Runtime.QemuWhpx.Disks;
using Pane.Runtime.QemuWhpx.Machine;
using Pane.Runtime.QemuWhpx.Qmp;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx;

/// <summary>
/// Starts QEMU for a <see cref="MachineSpec"/> and attaches to machines started earlier: prepares the private state
/// folder, creates a missing user disk, launches QEMU detached from Pane's process, and connects QMP and the console.
/// </summary>
internal sealed class QemuMachineStarter
{
    private const string UserDiskSize = "64G";
    private const int MaxVncPasswordLength = 8;
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(15);

    private readonly IProcessRunner _processes;
    private readonly IHostPlatform _platform;

    /// <summary>Initializes a new instance of the <see cref="QemuMachineStarter"/> class.</summary>
    /// <param name="processes">Runs qemu-img and the daemonizing QEMU.</param>
    /// <param name="platform">Tells Windows from the rest.</param>
    public QemuMachineStarter(IProcessRunner processes, IHostPlatform platform)
    {
        _processes = processes;
        _platform = platform;
    }

    /// <summary>Starts a machine.</summary>
    /// <param name="spec">The machine.</param>
    /// <param name="qemuPath">The qemu-system-x86_64 to run.</param>
    /// <param name="qemuVersion">Its version, when known: on Windows it decides whether the console and QMP can be unix sockets.</param>
    /// <param name="accelerator">The accelerator.</param>
    /// <param name="cpuModel">The CPU model for that accelerator.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The running machine.</returns>
    /// <exception cref="ProcessFailedException">QEMU or qemu-img refused to start; the message quotes QEMU's error.</exception>
    /// <exception cref="RuntimeUnavailableException">The QEMU lacks the display backend asked for, or did not report its VNC ports.</exception>
    /// <exception cref="ArgumentException">A VNC display comes without a password of 1 to 8 characters.</exception>
    public async Task<QemuVirtualMachine> StartAsync(MachineSpec spec, string qemuPath, QemuVersion? qemuVersion, string accelerator, string cpuModel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var isWindows = _platform.OperatingSystem == HostOperatingSystem.Windows;
        var serialSocket = Path.Combine(spec.StateDirectory, "serial.sock"); // the longer of the two socket paths
        var controlSocket = Path.Combine(spec.StateDirectory, "qmp.sock");
        var unixSockets = ControlChannelPolicy.UsesUnixSockets(_platform.OperatingSystem, qemuVersion, longestSocketPath: serialSocket);
        RefuseDisplayPasswordProblems(spec);
        await RefuseMissingDisplayBackendAsync(spec.Display, qemuPath, cancellationToken).ConfigureAwait(false);
        PrepareStateDirectory(spec.StateDirectory);
        await CreateMissingDisksAsync(spec, qemuPath, cancellationToken).ConfigureAwait(false);

        var plan = new QemuLaunchPlan
        {
            Spec = spec,
            Accelerator = accelerator,
            CpuModel = cpuModel,
            Serial = unixSockets ? QemuEndpoint.UnixSocket(serialSocket) : QemuEndpoint.Loopback(FreeLoopbackPort()),
            Control = unixSockets ? QemuEndpoint.UnixSocket(controlSocket) : QemuEndpoint.Loopback(FreeLoopbackPort()),
            SerialLogPath = Path.Combine(spec.StateDirectory, "serial.log"),
            DaemonPidFilePath = isWindows ? null : Path.Combine(spec.StateDirectory, "qemu.pid"),
        };
        var startedAt = DateTimeOffset.UtcNow;
        var processId = await LaunchAsync(qemuPath, plan, cancellationToken).ConfigureAwait(false);
        RestrictToOwner(unixSockets ? [serialSocket, controlSocket, plan.SerialLogPath] : [plan.SerialLogPath]);
        var record = new VirtualMachineRecord
        {
            Name = spec.Name,
            RuntimeId = "qemu",
            ProcessId = processId,
            ProcessStartTime = ProcessIdentity.StartTimeOf(processId),
            Accelerator = accelerator,
            ControlEndpoint = plan.Control.ToString(),
            ConsoleEndpoint = plan.Serial.ToString(),
            Disks = spec.Disks,
            StartedAt = startedAt,
        };
        if (record.ProcessStartTime is null)
        {
            throw new RuntimeUnavailableException("qemu", $"QEMU exited right after it started; see {plan.SerialLogPath}.", "Run 'pane launch' again with --timeout raised, or check the image.");
        }

        var (control, console) = await ConnectAsync(record, cancellationToken).ConfigureAwait(false);
        if (spec.Display == DisplayMode.Vnc)
        {
            try
            {
                var vnc = await ConfigureVncAsync(control, spec.DisplayPassword!, cancellationToken).ConfigureAwait(false);
                record = record with { DisplayEndpoint = vnc.Endpoint, DisplayWebSocketEndpoint = vnc.WebSocketEndpoint };
            }
            catch
            {
                var failed = new QemuVirtualMachine(record, control, console);
                await using (failed.ConfigureAwait(false))
                {
                    await failed.ShutdownAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
                }

                throw;
            }
        }

        return new QemuVirtualMachine(record, control, console);
    }

    /// <summary>Connects to a machine that runs.</summary>
    /// <param name="record">Its record.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The machine.</returns>
    /// <exception cref="RuntimeUnavailableException">The machine does not run any more.</exception>
    public static async Task<QemuVirtualMachine> AttachAsync(VirtualMachineRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ProcessId is not { } processId || record.ProcessStartTime is not { } startTime || !ProcessIdentity.IsRunning(processId, startTime)
            || record.ControlEndpoint is null || record.ConsoleEndpoint is null)
        {
            throw new RuntimeUnavailableException("qemu", $"The machine '{record.Name}' is not running.", $"Start it with 'pane launch --name {record.Name}'.");
        }

        var (control, console) = await ConnectAsync(record, cancellationToken).ConfigureAwait(false);
        return new QemuVirtualMachine(record, control, console);
    }

    private static async Task<(QmpClient Control, SerialConsole Console)> ConnectAsync(VirtualMachineRecord record, CancellationToken cancellationToken)
    {
        var control = await QmpClient.ConnectAsync(QemuEndpoint.Parse(record.ControlEndpoint!), s_connectTimeout, cancellationToken).ConfigureAwait(false);
        var console = new SerialConsole(QemuEndpoint.Parse(record.ConsoleEndpoint!));
        try
        {
            await console.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await control.DisposeAsync().ConfigureAwait(false);
            await console.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return (control, console);
    }

    /// <summary>
    /// Sets the VNC password over QMP, the one channel only the user can reach, so that it never appears on QEMU's
    /// command line (which other users may read) or in a file; then asks QEMU which loopback ports it bound. Until
    /// the password is set, QEMU refuses every client.
    /// </summary>
    private static async Task<VncAddresses> ConfigureVncAsync(QmpClient control, string password, CancellationToken cancellationToken)
    {
        await control.ExecuteAsync("set_password", new JsonObject { ["protocol"] = "vnc", ["password"] = password }, cancellationToken).ConfigureAwait(false);
        var servers = await control.ExecuteAsync("query-vnc-servers", null, cancellationToken).ConfigureAwait(false);
        return VncAddresses.Parse(servers)
            ?? throw new RuntimeUnavailableException("qemu", "QEMU did not report the loopback ports of its VNC server.", "Use --display none, gtk or sdl, or another QEMU build.");
    }

    private static void RefuseDisplayPasswordProblems(MachineSpec spec)
    {
        if (spec.Display == DisplayMode.Vnc && spec.DisplayPassword is not { Length: > 0 and <= MaxVncPasswordLength })
        {
            throw new ArgumentException($"A VNC display needs a password of 1 to {MaxVncPasswordLength} characters.", nameof(spec));
        }
    }

    private async Task RefuseMissingDisplayBackendAsync(DisplayMode display, string qemuPath, CancellationToken cancellationToken)
    {
        var backend = display switch
        {
            DisplayMode.Gtk => "gtk",
            DisplayMode.Sdl => "sdl",
            _ => null,
        };
        if (backend is null)
        {
            return;
        }

        var offered = await QemuDisplayBackends.QueryAsync(_processes, qemuPath, cancellationToken).ConfigureAwait(false);
        if (offered is null || !offered.Contains(backend))
        {
            var others = offered is null ? "none that it would name" : string.Join(", ", offered.Order(StringComparer.Ordinal));
            throw new RuntimeUnavailableException(
                "qemu",
                $"The QEMU at '{qemuPath}' has no {backend} display (it offers {others}).",
                $"Use --display vnc or none, or install a QEMU built with {backend} (on Debian: apt-get install qemu-system-gui).");
        }
    }

    private static void PrepareStateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        foreach (var stale in new[] { "serial.sock", "qmp.sock", "qemu.pid" })
        {
            File.Delete(Path.Combine(path, stale));
        }
    }

    /// <summary>
    /// Narrows what QEMU created with its umask (sockets and the console log, typically group- and world-readable)
    /// to the user alone, on top of the state folder that only the user can open.
    /// </summary>
    private static void RestrictToOwner(IEnumerable<string> paths)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in paths.Where(Path.Exists))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task CreateMissingDisksAsync(MachineSpec spec, string qemuPath, CancellationToken cancellationToken)
    {
        foreach (var disk in spec.Disks.Where(disk => !disk.IsEphemeral && !File.Exists(disk.Path)))
        {
            string[] arguments = disk.Backing is { } backing
                ? ["create", "-q", "-f", "qcow2", "-b", Path.GetFullPath(backing.Path), "-F", FormatName(backing.Format)]
                : ["create", "-q", "-f", "qcow2"];
            var temporary = disk.Path + ".partial";
            var size = disk.Backing is null ? [UserDiskSize] : Array.Empty<string>();
            var create = new ProcessCommand(QemuImg.PathBeside(qemuPath), [.. arguments, temporary, .. size]);
            (await _processes.RunAsync(create, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            File.Move(temporary, disk.Path);
        }
    }

    private static string FormatName(DiskFormat format) => format == DiskFormat.Qcow2 ? "qcow2" : "raw";

    private async Task<int> LaunchAsync(string qemuPath, QemuLaunchPlan plan, CancellationToken cancellationToken)
    {
        var arguments = QemuCommandLine.Build(plan);
        if (plan.DaemonPidFilePath is { } pidFile)
        {
            var command = new ProcessCommand(qemuPath, arguments) { Timeout = TimeSpan.FromSeconds(60) };
            (await _processes.RunAsync(command, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            return int.Parse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var start = new ProcessStartInfo(qemuPath) { UseShellExecute = false, CreateNoWindow = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new RuntimeUnavailableException("qemu", $"'{qemuPath}' did not start.", "Check the QEMU installation, or set PANE_QEMU.");
        return process.Id;
    }
}
