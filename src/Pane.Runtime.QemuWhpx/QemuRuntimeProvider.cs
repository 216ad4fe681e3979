using Pane.Machines;
using Pane.Platform;
using Pane.Runtime.QemuWhpx.Acceleration;
using Pane.Runtime.QemuWhpx.Discovery;
using Pane.Runtime.QemuWhpx.Disks;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx;

/// <summary>
/// The <c>qemu</c> runtime: finds <c>qemu-system-x86_64</c>, reads its version and accelerators, and picks
/// <c>whpx</c>, <c>kvm</c> or the slow <c>tcg</c>.
/// </summary>
internal sealed class QemuRuntimeProvider : IRuntimeProvider, IDiskImageCompactor
{
    public const string RuntimeId = "qemu";

    public const int AcceleratedScore = 100;

    public const int EmulatedScore = 20;

    private readonly IHostPlatform _platform;
    private readonly IHypervisorProbe _hypervisors;
    private readonly QemuLocator _locator;
    private readonly QemuBinaryInspector _inspector;
    private readonly QemuMachineStarter _starter;
    private readonly IProcessRunner _runner;

    /// <param name="platform">The host's facts.</param>
    /// <param name="hypervisors">The host's hypervisor probe.</param>
    /// <param name="runner">Runs QEMU.</param>
    /// <param name="home">The Pane home, whose cache remembers what a QEMU binary said; none when the host has no home.</param>
    public QemuRuntimeProvider(IHostPlatform platform, IHypervisorProbe hypervisors, IProcessRunner runner, IPaneHome? home = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(hypervisors);
        _platform = platform;
        _hypervisors = hypervisors;
        _locator = new QemuLocator(platform);
        _inspector = new QemuBinaryInspector(runner, home is null ? null : new QemuBinaryCache(home.CacheDirectory));
        _starter = new QemuMachineStarter(runner, platform);
        _runner = runner;
    }

    public string Id => RuntimeId;

    public string DisplayName => "QEMU";

    public RuntimeCapabilities Capabilities =>
        RuntimeCapabilities.GraphicalDisplay | RuntimeCapabilities.SerialConsole
        | RuntimeCapabilities.PersistentRoot | RuntimeCapabilities.Accelerated;

    public async Task<RuntimeProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        (await ProbeBinaryAsync(cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Probes, keeping what the probe learned of the binary, so that starting a machine does not ask again.</summary>
    private async Task<QemuProbe> ProbeBinaryAsync(CancellationToken cancellationToken)
    {
        var search = _locator.Locate();
        if (search.Location is not { } location)
        {
            return new QemuProbe(RuntimeProbeResult.Unavailable(
                search.Problem ?? "QEMU (qemu-system-x86_64) was not found.",
                InstallRemedy()) with
            {
                Details = new Dictionary<string, string> { ["searched"] = string.Join(Path.PathSeparator, search.Searched) },
            }, null);
        }

        var hypervisorProbe = AcceleratorPolicy.HypervisorFor(_platform.OperatingSystem) is { } kind
            ? _hypervisors.ProbeAsync(kind, cancellationToken)
            : null;
        QemuBinaryInfo info;
        try
        {
            info = await _inspector.InspectAsync(location.Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is ProcessFailedException or IOException or UnauthorizedAccessException)
        {
            return new QemuProbe(RuntimeProbeResult.Unavailable(
                $"QEMU at '{location.Path}' does not run: {error.Message}",
                "Reinstall QEMU, or set PANE_QEMU to a qemu-system-x86_64 that runs.") with
            {
                Details = new Dictionary<string, string> { ["path"] = location.Path, ["found-by"] = location.SourceName },
            }, null);
        }

        var hypervisor = hypervisorProbe is null ? null : await hypervisorProbe.ConfigureAwait(false);
        var choice = AcceleratorPolicy.Choose(_platform.OperatingSystem, hypervisor, info.Accelerators);
        return new QemuProbe(
            RuntimeProbeResult.Available(
                choice.IsAccelerated ? AcceleratedScore : EmulatedScore,
                choice.Accelerator.ToArgument(),
                choice.IsAccelerated) with
            {
                Version = info.Version?.ToString(),
                Details = Describe(location, info, choice, hypervisor),
            },
            info);
    }

    public async Task<IVirtualMachine> StartAsync(MachineSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (probe, binary) = await ProbeBinaryAsync(cancellationToken).ConfigureAwait(false);
        if (!probe.IsAvailable || binary is null)
        {
            throw new RuntimeUnavailableException(RuntimeId, probe.Reason!, probe.Remedy!);
        }

        var requested = spec.Accelerator ?? probe.Accelerator!;
        if (QemuAcceleratorNames.Parse(requested) is not { } accelerator)
        {
            throw new RuntimeUnavailableException(RuntimeId, $"QEMU has no accelerator '{requested}'.", "Use --accel whpx, kvm or tcg, or leave it out to let Pane choose.");
        }

        return await _starter.StartAsync(spec, probe.Details["path"], binary.Version, accelerator.ToArgument(), CpuModelPolicy.ModelFor(accelerator), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IVirtualMachine> AttachAsync(VirtualMachineRecord record, CancellationToken cancellationToken) =>
        await QemuMachineStarter.AttachAsync(record, cancellationToken).ConfigureAwait(false);

    public Task<DiskCompaction> CompactAsync(string imagePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        var qemuImg = QemuImg.PathBeside(_locator.Locate().Location?.Path);
        return new QemuImageCompactor(_runner, qemuImg).CompactAsync(imagePath, cancellationToken);
    }

    private static Dictionary<string, string> Describe(
        QemuLocation location, QemuBinaryInfo info, AcceleratorChoice choice, HypervisorStatus? hypervisor)
    {
        var details = new Dictionary<string, string>
        {
            ["path"] = location.Path,
            ["found-by"] = location.SourceName,
            ["cpu"] = CpuModelPolicy.ModelFor(choice.Accelerator),
        };
        if (info.Version?.Build is { } build)
        {
            details["build"] = build;
        }

        if (info.Accelerators is { } offered)
        {
            var names = new List<string>(offered);
            names.Sort(StringComparer.Ordinal);
            details["accelerators"] = string.Join(", ", names);
        }

        if (choice.RefusedAccelerator is { } refused)
        {
            details[refused] = choice.RefusalReason ?? "refused";
            details["speed"] = "slow: software emulation (TCG), several times slower than a hardware hypervisor";
        }

        if (hypervisor?.Detail is { } found)
        {
            details["hypervisor"] = found;
        }

        return details;
    }

    private string InstallRemedy() => _platform.OperatingSystem switch
    {
        HostOperatingSystem.Windows =>
            "Install QEMU (winget install SoftwareFreedomConservancy.QEMU), or set PANE_QEMU to the path of qemu-system-x86_64.exe.",
        HostOperatingSystem.Linux =>
            "Install QEMU (on Debian or Ubuntu: apt-get install qemu-system-x86), or set PANE_QEMU to the path of qemu-system-x86_64.",
        _ => "Install QEMU, or set PANE_QEMU to the path of qemu-system-x86_64.",
    };
}
