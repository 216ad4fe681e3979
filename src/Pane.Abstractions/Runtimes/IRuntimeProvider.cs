using Pane.Machines;

namespace Pane.Runtimes;

/// <summary>
/// A way of running a virtual machine (QEMU, Pane's own VMM, WSL, ...). The host probes every provider,
/// ranks the available ones by <see cref="RuntimeProbeResult.Score"/> and starts machines through the chosen one.
/// </summary>
public interface IRuntimeProvider
{
    /// <summary>Gets the stable identifier users pass to <c>--runtime</c>, such as <c>qemu</c>.</summary>
    string Id { get; }

    /// <summary>Gets a short human-readable name.</summary>
    string DisplayName { get; }

    /// <summary>Gets what machines of this runtime can do.</summary>
    RuntimeCapabilities Capabilities { get; }

    /// <summary>Finds out whether this runtime can run a machine on this host, and how well.</summary>
    /// <remarks>
    /// The engine starts every provider's probe in turn on one thread and awaits them together, so a probe should not
    /// block its caller: await slow work (a process, a file, a trial run) instead of waiting on it.
    /// </remarks>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The availability, score and details; never throws for an unusable host.</returns>
    Task<RuntimeProbeResult> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Starts a machine.</summary>
    /// <param name="spec">What to start.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The running machine.</returns>
    /// <exception cref="RuntimeUnavailableException">The runtime cannot start machines on this host.</exception>
    Task<IVirtualMachine> StartAsync(MachineSpec spec, CancellationToken cancellationToken);

    /// <summary>Attaches to a machine this runtime started earlier and left running.</summary>
    /// <param name="record">The machine's persisted record.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The machine.</returns>
    /// <exception cref="RuntimeUnavailableException">The machine is not running any more.</exception>
    Task<IVirtualMachine> AttachAsync(VirtualMachineRecord record, CancellationToken cancellationToken);
}
