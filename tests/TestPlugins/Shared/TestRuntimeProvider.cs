using Pane.Machines;
using Pane.Runtimes;

namespace Pane.TestPlugins;

/// <summary>A runtime provider that is always available and starts nothing.</summary>
/// <param name="id">The provider's id.</param>
public abstract class TestRuntimeProvider(string id) : IRuntimeProvider
{
    /// <inheritdoc/>
    public string Id { get; } = id;

    /// <inheritdoc/>
    public string DisplayName => $"Test runtime {Id}";

    /// <inheritdoc/>
    public RuntimeCapabilities Capabilities => RuntimeCapabilities.SerialConsole;

    /// <inheritdoc/>
    public Task<RuntimeProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(RuntimeProbeResult.Available(1, accelerator: null, isAccelerated: false));

    /// <inheritdoc/>
    public Task<IVirtualMachine> StartAsync(MachineSpec spec, CancellationToken cancellationToken) =>
        throw new RuntimeUnavailableException(Id, "Test runtimes start no machines.", "Use a real runtime.");

    /// <inheritdoc/>
    public Task<IVirtualMachine> AttachAsync(VirtualMachineRecord record, CancellationToken cancellationToken) =>
        throw new RuntimeUnavailableException(Id, "Test runtimes start no machines.", "Use a real runtime.");
}
