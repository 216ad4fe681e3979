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
    private readonly KvmVerdictCache? _kvmVerdicts;
    private readonly Lazy<Task<HypervisorStatus>> _kvmProbe;
    private readonly Lazy<Task<HypervisorStatus>> _windowsHypervisorPlatformProbe;

    /// <summary>Initializes a new instance of the <see cref="HypervisorProbe"/> class for this host.</summary>
    /// <param name="kvmVerdicts">Where the KVM verdict is remembered for the rest of the host's boot, if anywhere.</param>
    public HypervisorProbe(KvmVerdictCache? kvmVerdicts = null)
        : this(new KvmProbe(), new WindowsHypervisorPlatformProbe(), kvmVerdicts)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HypervisorProbe"/> class.</summary>
    /// <param name="kvm">The KVM probe.</param>
    /// <param name="windowsHypervisorPlatform">The WHP probe.</param>
    /// <param name="kvmVerdicts">Where the KVM verdict is remembered for the rest of the host's boot, if anywhere.</param>
    public HypervisorProbe(KvmProbe kvm, WindowsHypervisorPlatformProbe windowsHypervisorPlatform, KvmVerdictCache? kvmVerdicts = null)
    {
        _kvm = kvm;
        _windowsHypervisorPlatform = windowsHypervisorPlatform;
        _kvmVerdicts = kvmVerdicts;
        _kvmProbe = new Lazy<Task<HypervisorStatus>>(ProbeKvmOncePerBootAsync);
        _windowsHypervisorPlatformProbe = new Lazy<Task<HypervisorStatus>>(
            () => Task.Run(_windowsHypervisorPlatform.Probe, CancellationToken.None));
    }

    /// <inheritdoc/>
    public Task<HypervisorStatus> ProbeAsync(HypervisorKind kind, CancellationToken cancellationToken)
    {
        var shared = kind switch
        {
            HypervisorKind.Kvm => _kvmProbe,
            HypervisorKind.WindowsHypervisorPlatform => _windowsHypervisorPlatformProbe,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a hypervisor Pane knows."),
        };

        // The shared probe ignores any one caller's token; a caller that cancels only stops waiting.
        var probe = shared.Value;
        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<HypervisorStatus>(cancellationToken)
            : probe.WaitAsync(cancellationToken);
    }

    private async Task<HypervisorStatus> ProbeKvmOncePerBootAsync()
    {
        var fingerprint = _kvmVerdicts is null ? null : KvmVerdictCache.Fingerprint();
        if (fingerprint is not null && _kvmVerdicts!.TryRead(fingerprint) is { } remembered)
        {
            return remembered;
        }

        var status = await _kvm.ProbeAsync().ConfigureAwait(false);
        if (fingerprint is not null)
        {
            _kvmVerdicts!.Write(fingerprint, status);
        }

        return status;
    }
}
