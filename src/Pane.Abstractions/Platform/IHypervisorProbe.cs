namespace Pane.Platform;

/// <summary>
/// Finds out whether the host's hypervisors can run an ordinary guest, not merely whether their devices
/// open. The host runs each probe once per process and shares the answer with every runtime.
/// </summary>
public interface IHypervisorProbe
{
    /// <summary>Probes a hypervisor.</summary>
    /// <param name="kind">Which hypervisor.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>Whether it is usable, and why not.</returns>
    Task<HypervisorStatus> ProbeAsync(HypervisorKind kind, CancellationToken cancellationToken);
}
