using System.Collections.Concurrent;
using Pane.Host.Platform.Kvm;
using Pane.Host.Platform.Whp;
using Pane.Platform;

namespace Pane.Host.Platform;

/// <summary>
/// The host's <see cref="IHypervisorProbe"/>: KVM through <see cref="KvmProbe"/>, the Windows Hypervisor
/// Platform through <see cref="WindowsHypervisorPlatformProbe"/>. Each kind is probed at most once per instance
/// (one per process as a DI singleton); every caller shares that probe's task.
/// </summary>
internal sealed class HypervisorProbe : IHypervisorProbe
{
    private readonly KvmProbe _kvm;
    private readonly WindowsHypervisorPlatformProbe _windowsHypervisorPlatform;
    private readonly ConcurrentDictionary<HypervisorKind, Lazy<Task<HypervisorStatus>>> _probes = new();

    /// <summary>Initializes a new instance of the <see cref="HypervisorProbe"/> class for this host.</summary>
    public HypervisorProbe()
        : this(new KvmProbe(), new WindowsHypervisorPlatformProbe())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HypervisorProbe"/> class.</summary>
    /// <param name="kvm">The KVM probe.</param>
    /// <param name="windowsHypervisorPlatform">The WHP probe.</param>
    public HypervisorProbe(KvmProbe kvm, WindowsHypervisorPlatformProbe windowsHypervisorPlatform)
    {
        _kvm = kvm;
        _windowsHypervisorPlatform = windowsHypervisorPlatform;
    }

    /// <inheritdoc/>
    public Task<HypervisorStatus> ProbeAsync(HypervisorKind kind, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a hypervisor Pane knows.");
        }

        // The shared probe ignores any one caller's token; a caller that cancels only stops waiting.
        var probe = _probes.GetOrAdd(kind, k => new Lazy<Task<HypervisorStatus>>(() => StartProbe(k))).Value;
        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<HypervisorStatus>(cancellationToken)
            : probe.WaitAsync(cancellationToken);
    }

    private Task<HypervisorStatus> StartProbe(HypervisorKind kind) => kind switch
    {
        HypervisorKind.Kvm => _kvm.ProbeAsync(),
        _ => Task.Run(_windowsHypervisorPlatform.Probe, CancellationToken.None),
    };
}
