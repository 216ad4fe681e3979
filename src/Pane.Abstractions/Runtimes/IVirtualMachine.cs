namespace Pane.Runtimes;

/// <summary>A machine started or attached to by an <see cref="IRuntimeProvider"/>.</summary>
public interface IVirtualMachine : IAsyncDisposable
{
    /// <summary>Gets the persisted record that lets a later process find this machine.</summary>
    VirtualMachineRecord Record { get; }

    /// <summary>Gets the machine's current state.</summary>
    VirtualMachineState State { get; }

    /// <summary>Gets the machine's serial console.</summary>
    ISerialConsole Console { get; }

    /// <summary>Raised once for each boot milestone, in order, as the serial console shows it.</summary>
    event EventHandler<BootMilestone>? MilestoneReached;

    /// <summary>Gets the milestones reached so far, in order.</summary>
    IReadOnlyList<BootMilestone> Milestones { get; }

    /// <summary>Asks the guest to power off, then ends the machine if it has not after <paramref name="grace"/>.</summary>
    /// <param name="grace">How long to wait for the guest to power off by itself.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>Which path was taken and how long it took.</returns>
    Task<ShutdownResult> ShutdownAsync(TimeSpan grace, CancellationToken cancellationToken);

    /// <summary>Waits until the machine has exited.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code of the machine's process, if it has one.</returns>
    Task<int?> WaitForExitAsync(CancellationToken cancellationToken);
}
