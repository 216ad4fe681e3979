using Pane.Host.Plugins;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Host.Machines;

/// <summary>Finds machines through their records: their status, and stopping them.</summary>
internal sealed class MachineController
{
    private readonly MachineStore _store;
    private readonly IPluginCatalog _catalog;

    public MachineController(MachineStore store, IPluginCatalog catalog)
    {
        _store = store;
        _catalog = catalog;
    }

    /// <summary>Tells whether a machine runs, has stopped, or left a stale record.</summary>
    /// <param name="name">The machine's name.</param>
    /// <returns>The status.</returns>
    public MachineStatus StatusOf(string name)
    {
        if (_store.Read(name) is not { } record)
        {
            return new MachineStatus(name, VirtualMachineState.Stopped, null, null);
        }

        return record.ProcessId is { } processId && record.ProcessStartTime is { } startTime && ProcessIdentity.IsRunning(processId, startTime)
            ? new MachineStatus(name, VirtualMachineState.Running, record, DateTimeOffset.UtcNow - record.StartedAt)
            : new MachineStatus(name, VirtualMachineState.Stale, record, null);
    }

    /// <summary>Lists the status of every machine with a record.</summary>
    /// <returns>The statuses, by name.</returns>
    public IReadOnlyList<MachineStatus> StatusOfAll() => [.. _store.Names().Select(StatusOf)];

    /// <summary>Stops a machine: ACPI power button first, then, after <paramref name="grace"/>, its process is killed.</summary>
    /// <param name="name">The machine's name.</param>
    /// <param name="grace">How long the guest may take to power off.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>How it stopped.</returns>
    public async Task<ShutdownResult> StopAsync(string name, TimeSpan grace, CancellationToken cancellationToken)
    {
        using var stopLock = _store.Lock(name);
        var status = StatusOf(name);
        if (status.State != VirtualMachineState.Running)
        {
            _store.Delete(name);
            return new ShutdownResult(ShutdownMethod.AlreadyStopped, TimeSpan.Zero);
        }

        var machine = await AttachAsync(status, cancellationToken).ConfigureAwait(false);
        await using (machine.ConfigureAwait(false))
        {
            var result = await machine.ShutdownAsync(grace, cancellationToken).ConfigureAwait(false);
            _store.Delete(name);
            return result;
        }
    }

    /// <summary>Connects to a running machine.</summary>
    /// <param name="name">The machine's name.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The machine; disposing it leaves the guest running.</returns>
    /// <exception cref="PaneException">The machine does not run.</exception>
    public Task<IVirtualMachine> AttachAsync(string name, CancellationToken cancellationToken)
    {
        var status = StatusOf(name);
        if (status.State != VirtualMachineState.Running)
        {
            throw new PaneException($"Machine '{name}' is not running.", $"Start it with 'pane launch IMAGE --name {name}'.");
        }

        return AttachAsync(status, cancellationToken);
    }

    private Task<IVirtualMachine> AttachAsync(MachineStatus status, CancellationToken cancellationToken)
    {
        var record = status.Record!;
        var provider = _catalog.RuntimeProviders.FirstOrDefault(candidate => candidate.Id == record.RuntimeId)
            ?? throw new PaneException(
                $"Machine '{status.Name}' runs on runtime '{record.RuntimeId}', which no loaded plugin provides.",
                "Run 'pane plugins' to see why that plugin did not load.");
        return provider.AttachAsync(record, cancellationToken);
    }
}
