namespace Pane.Runtimes;

/// <summary>
/// What the host persists about a running machine under <c>PANE_HOME/vms/&lt;name&gt;/</c> so that later
/// commands (<c>status</c>, <c>stop</c>, <c>console</c>) can find it.
/// </summary>
public sealed record VirtualMachineRecord
{
    /// <summary>Gets the machine's name, unique within a Pane home.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the <see cref="IRuntimeProvider.Id"/> of the runtime that started it.</summary>
    public required string RuntimeId { get; init; }

    /// <summary>Gets the id of the process that runs the machine, if it has its own.</summary>
    public int? ProcessId { get; init; }

    /// <summary>Gets when that process started, to tell it from a later process that reuses its id.</summary>
    public DateTimeOffset? ProcessStartTime { get; init; }

    /// <summary>Gets the accelerator in use (<c>kvm</c>, <c>whpx</c>, <c>tcg</c>, ...).</summary>
    public string? Accelerator { get; init; }

    /// <summary>Gets the endpoint of the machine's control channel (a QMP socket path, say).</summary>
    public string? ControlEndpoint { get; init; }

    /// <summary>Gets the endpoint of the machine's serial console.</summary>
    public string? ConsoleEndpoint { get; init; }

    /// <summary>Gets where a VNC client reaches the screen (<c>vnc://127.0.0.1:5900</c>, say), if the machine has one.</summary>
    public string? DisplayEndpoint { get; init; }

    /// <summary>Gets where a browser's VNC client reaches the screen over a websocket (<c>ws://127.0.0.1:5700</c>, say), if the machine has one.</summary>
    public string? DisplayWebSocketEndpoint { get; init; }

    /// <summary>Gets the disks attached to the machine.</summary>
    public IReadOnlyList<Machines.DiskSpec> Disks { get; init; } = [];

    /// <summary>Gets when the machine was started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
}
