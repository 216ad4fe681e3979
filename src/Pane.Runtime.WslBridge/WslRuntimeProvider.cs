using Pane.Machines;
using Pane.Platform;
using Pane.Runtime.WslBridge.Cli;
using Pane.Runtimes;

namespace Pane.Runtime.WslBridge;

/// <summary>
/// The <c>wsl</c> runtime: on Windows, finds <c>wsl.exe</c> and reads <c>wsl --status</c> and <c>wsl --version</c>
/// to tell whether WSL 2 can run Pane's guest; elsewhere it is unavailable.
/// </summary>
internal sealed class WslRuntimeProvider : IRuntimeProvider
{
    public const string RuntimeId = "wsl";

    public const int Score = 60;

    private const string InstallRemedy = "Run 'wsl --install' in an elevated terminal, then restart Windows.";

    private static readonly TimeSpan s_queryTimeout = TimeSpan.FromSeconds(20);

    private readonly IHostPlatform _platform;
    private readonly IProcessRunner _runner;

    public WslRuntimeProvider(IHostPlatform platform, IProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(runner);
        _platform = platform;
        _runner = runner;
    }

    public string Id => RuntimeId;

    public string DisplayName => "WSL 2";

    public RuntimeCapabilities Capabilities =>
        RuntimeCapabilities.GraphicalDisplay | RuntimeCapabilities.PersistentRoot | RuntimeCapabilities.Accelerated;

    public async Task<RuntimeProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        if (_platform.OperatingSystem != HostOperatingSystem.Windows)
        {
            return RuntimeProbeResult.Unavailable("WSL exists only on Windows.", "Use --runtime qemu on this host.");
        }

        var wsl = Path.Combine(_platform.GetEnvironmentVariable("SystemRoot") ?? @"C:\Windows", "System32", "wsl.exe");
        if (!File.Exists(wsl))
        {
            return RuntimeProbeResult.Unavailable($"WSL is not installed: '{wsl}' does not exist.", InstallRemedy);
        }

        var statusRun = _runner.RunAsync(Query(wsl, "--status"), cancellationToken);
        var versionRun = _runner.RunAsync(Query(wsl, "--version"), cancellationToken);
        try
        {
            await Task.WhenAll(statusRun, versionRun).ConfigureAwait(false);
        }
        catch (ProcessFailedException error)
        {
            return RuntimeProbeResult.Unavailable(
                $"wsl.exe did not answer: {error.Message}",
                "Run 'wsl --status' in a terminal to see what is wrong.");
        }

        var status = WslStatusReport.Parse(WslOutput.Decode(statusRun.Result.StandardOutput.Span));
        var version = WslVersionReport.Parse(WslOutput.Decode(versionRun.Result.StandardOutput.Span));
        return Decide(wsl, statusRun.Result.ExitCode, status, version);
    }

    public Task<IVirtualMachine> StartAsync(MachineSpec spec, CancellationToken cancellationToken) =>
        Task.FromException<IVirtualMachine>(new RuntimeUnavailableException(RuntimeId, "This version of Pane cannot boot machines with WSL yet; it only probes for it.", "Use --runtime qemu."));

    public Task<IVirtualMachine> AttachAsync(VirtualMachineRecord record, CancellationToken cancellationToken) =>
        Task.FromException<IVirtualMachine>(new RuntimeUnavailableException(RuntimeId, "This version of Pane cannot attach to WSL machines yet; it only probes for WSL.", "Use --runtime qemu."));

    private static RuntimeProbeResult Decide(string wsl, int statusExitCode, WslStatusReport status, WslVersionReport version)
    {
        var details = new Dictionary<string, string> { ["path"] = wsl };
        if (status.FirstLine is { } said)
        {
            details["wsl-said"] = said;
        }

        if (status.IsNotInstalled || version.IsNotInstalled)
        {
            return RuntimeProbeResult.Unavailable("The Windows Subsystem for Linux is not installed.", InstallRemedy) with { Details = details };
        }

        if (status.IsVirtualizationOff)
        {
            return RuntimeProbeResult.Unavailable(
                "WSL 2 cannot start: the Virtual Machine Platform is not enabled or virtualization is off in the firmware.",
                "Run 'wsl --install --no-distribution' in an elevated terminal, turn virtualization on in the firmware settings, and restart Windows.") with
            {
                Details = details,
            };
        }

        if (status.DefaultVersion == 1)
        {
            return RuntimeProbeResult.Unavailable(
                "WSL's default version is 1, which runs no virtual machine and cannot run Pane's guests.",
                "Run 'wsl --set-default-version 2'.") with
            {
                Details = details,
            };
        }

        if (statusExitCode != 0 && status.DefaultVersion is null)
        {
            return RuntimeProbeResult.Unavailable(
                $"'wsl --status' failed with exit code {statusExitCode}.",
                "Run 'wsl --update', then 'wsl --status' to see what is wrong.") with
            {
                Details = details,
            };
        }

        Add(details, "kernel", version.KernelVersion ?? status.KernelVersion);
        Add(details, "default-distribution", status.DefaultDistribution);
        Add(details, "wslg", version.WslgVersion);
        Add(details, "windows", version.WindowsVersion);
        return RuntimeProbeResult.Available(Score, "wsl2", isAccelerated: true) with
        {
            Version = version.WslVersion ?? "built into Windows",
            Details = details,
        };
    }

    private static void Add(Dictionary<string, string> details, string key, string? value)
    {
        if (value is not null)
        {
            details[key] = value;
        }
    }

    private static ProcessCommand Query(string wsl, string argument) => new(wsl, [argument])
    {
        Timeout = s_queryTimeout,
        Environment = new Dictionary<string, string> { ["WSL_UTF8"] = "1" },
    };
}
