using Pane.Machines;
using Pane.Platform;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Console;
using Pane.Runtime.Native.Hypervisors;
using Pane.Runtime.Native.Hypervisors.Kvm;
using Pane.Runtime.Native.Machine;
using Pane.Runtimes;

namespace Pane.Runtime.Native;

/// <summary>
/// The <c>native</c> runtime, Pane's own VMM. On Linux it runs over KVM when the host's hypervisor probe says KVM can
/// run a guest; the machine lives inside the Pane process that launched it, which serves its console to other
/// processes (<c>pane console</c>, <c>pane stop</c>) on a socket in the machine's folder. The Windows Hypervisor Platform backend
/// is compiled and tested at its seams but not wired to this runtime yet, so on Windows it reports unavailable.
/// </summary>
internal sealed class NativeRuntimeProvider : IRuntimeProvider
{
    public const string RuntimeId = "native";

    public const int Score = 80;

    private const string QemuRemedy = "Use --runtime qemu.";

    private readonly IHostPlatform _platform;
    private readonly IHypervisorProbe _hypervisors;
    private readonly NativeMachineStarter _starter;

    public NativeRuntimeProvider(IHostPlatform platform, IHypervisorProbe hypervisors, IPaneHome home)
        : this(platform, hypervisors, new NativeMachineStarter(() => KvmHypervisor.Open(), KernelCache(home)))
    {
    }

    public NativeRuntimeProvider(IHostPlatform platform, IHypervisorProbe hypervisors, NativeMachineStarter starter)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(hypervisors);
        ArgumentNullException.ThrowIfNull(starter);
        _platform = platform;
        _hypervisors = hypervisors;
        _starter = starter;
    }

    public string Id => RuntimeId;

    public string DisplayName => "Pane VMM";

    public RuntimeCapabilities Capabilities => RuntimeCapabilities.SerialConsole | RuntimeCapabilities.Accelerated;

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
                QemuRemedy);
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
                status.Remedy ?? QemuRemedy) with
            {
                Accelerator = accelerator,
                Details = details,
            };
        }

        details["usable"] = $"{accelerator} can run a guest here";
        if (hypervisorKind == HypervisorKind.WindowsHypervisorPlatform)
        {
            return RuntimeProbeResult.Unavailable("Pane's own VMM does not boot guests on the Windows Hypervisor Platform yet.", QemuRemedy) with
            {
                Accelerator = accelerator,
                Details = details,
            };
        }

        details["disks"] = "raw base images, with guest writes kept in memory";
        details["modules"] = $"{NativeMachineStarter.ModulesVariable} names the guest kernel's lib/modules when virtio_mmio is a module";
        return RuntimeProbeResult.Available(Score, accelerator, isAccelerated: true) with { Details = details };
    }

    public async Task<IVirtualMachine> StartAsync(MachineSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var probe = await ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (!probe.IsAvailable)
        {
            throw new RuntimeUnavailableException(RuntimeId, probe.Reason!, probe.Remedy!);
        }

        if (spec.Accelerator is { } requested && requested != probe.Accelerator)
        {
            throw new RuntimeUnavailableException(RuntimeId, $"The native runtime runs on {probe.Accelerator}, not '{requested}'.", $"Leave out --accel, or use --accel {probe.Accelerator}.");
        }

        return await Task.Run(() => _starter.Start(spec), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IVirtualMachine> AttachAsync(VirtualMachineRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ConsoleEndpoint is not { } socket || record.ProcessId is null || record.ProcessStartTime is null)
        {
            throw new RuntimeUnavailableException(
                RuntimeId,
                $"The record of the native machine '{record.Name}' names no console socket or launching process to reach it by.",
                "Stop the 'pane launch' that runs it, or delete the machine's folder if nothing runs it.");
        }

        var console = await ConsoleSocketClient.ConnectAsync(socket, record.Name, cancellationToken).ConfigureAwait(false);
        return new AttachedNativeMachine(record, console);
    }

    /// <summary>Where the unpacked kernels are kept: <c>PANE_HOME/cache/kernels</c>.</summary>
    private static UncompressedKernelCache KernelCache(IPaneHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return new UncompressedKernelCache(Path.Combine(home.CacheDirectory, "kernels"));
    }
}
