using Pane.Machines;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Runtime.Native;

/// <summary>
/// The <c>native</c> runtime, Pane's own VMM over the Windows Hypervisor Platform or KVM. Its probe reports whether
/// the hypervisor could run a guest; the VMM itself does not boot guests in this version, so it is never available yet.
/// </summary>
internal sealed class NativeRuntimeProvider : IRuntimeProvider
{
    public const string RuntimeId = "native";

    private const string NotBootingYet = "Pane's own VMM does not boot guests yet in this version.";

    private readonly IHostPlatform _platform;
    private readonly IHypervisorProbe _hypervisors;

    public NativeRuntimeProvider(IHostPlatform platform, IHypervisorProbe hypervisors)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(hypervisors);
        _platform = platform;
        _hypervisors = hypervisors;
    }

    public string Id => RuntimeId;

    public string DisplayName => "Pane VMM";

    public RuntimeCapabilities Capabilities =>
        RuntimeCapabilities.SerialConsole | RuntimeCapabilities.PersistentRoot | RuntimeCapabilities.Accelerated;

    public async Task<RuntimeProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var (kind, accelerator) = _platform.OperatingSystem switch
        {
            HostOperatingSystem.Windows => (HypervisorKind.WindowsHypervisorPlatform, "whp"),
            HostOperatingSystem.Linux => (HypervisorKind.Kvm, "kvm"),
            _ => ((HypervisorKind?)null, (string?)null),
        };
        if (kind is not { } hypervisorKind)
        {
            return RuntimeProbeResult.Unavailable(
                $"Pane's own VMM runs only on KVM (Linux) and the Windows Hypervisor Platform, not on {_platform.OperatingSystem}.",
                "Use --runtime qemu.");
        }

        var status = await _hypervisors.ProbeAsync(hypervisorKind, cancellationToken).ConfigureAwait(false);
        var details = new Dictionary<string, string> { ["hypervisor"] = accelerator! };
        if (status.Detail is { } detail)
        {
            details["found"] = detail;
        }

        if (!status.IsUsable)
        {
            return RuntimeProbeResult.Unavailable(
                status.Reason ?? $"The {accelerator} hypervisor cannot run a guest on this host.",
                status.Remedy ?? "Use --runtime qemu.") with
            {
                Accelerator = accelerator,
                Details = details,
            };
        }

        details["usable"] = $"{accelerator} can run a guest here";
        return RuntimeProbeResult.Unavailable(NotBootingYet, "Use --runtime qemu.") with
        {
            Accelerator = accelerator,
            Details = details,
        };
    }

    public Task<IVirtualMachine> StartAsync(MachineSpec spec, CancellationToken cancellationToken) =>
        Task.FromException<IVirtualMachine>(new RuntimeUnavailableException(RuntimeId, NotBootingYet, "Use --runtime qemu."));

    public Task<IVirtualMachine> AttachAsync(VirtualMachineRecord record, CancellationToken cancellationToken) =>
        Task.FromException<IVirtualMachine>(new RuntimeUnavailableException(RuntimeId, NotBootingYet, "Use --runtime qemu."));
}
