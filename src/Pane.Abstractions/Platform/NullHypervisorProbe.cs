namespace Pane.Platform;

/// <summary>An <see cref="IHypervisorProbe"/> that finds no usable hypervisor; for hosts and tests without one.</summary>
public sealed class NullHypervisorProbe : IHypervisorProbe
{
    private NullHypervisorProbe()
    {
    }

    /// <summary>Gets the shared instance.</summary>
    public static NullHypervisorProbe Instance { get; } = new();

    /// <inheritdoc/>
    public Task<HypervisorStatus> ProbeAsync(HypervisorKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(HypervisorStatus.Unusable(
            kind,
            "No hypervisor probe is configured in this host.",
            "Register an IHypervisorProbe, or call services.AddPane()."));
}
