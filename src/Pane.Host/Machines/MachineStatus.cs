using Pane.Runtimes;

namespace Pane.Host.Machines;

/// <summary>What <c>pane status</c> reports of one machine.</summary>
/// <param name="Name">The machine's name.</param>
/// <param name="State">Running, stopped, or stale (a record whose process is gone or whose pid was reused).</param>
/// <param name="Record">The record, when there is one.</param>
/// <param name="Uptime">How long it has run, when it runs.</param>
internal sealed record MachineStatus(string Name, VirtualMachineState State, VirtualMachineRecord? Record, TimeSpan? Uptime);
