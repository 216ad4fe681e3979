namespace Pane.Host.Cli.Status;

/// <summary>One machine in <c>pane status --json</c>.</summary>
/// <param name="Name">The machine's name.</param>
/// <param name="State"><c>running</c>, <c>stopped</c> or <c>stale</c>.</param>
/// <param name="Runtime">The runtime's id, when there is a record.</param>
/// <param name="Accelerator">The accelerator, when there is a record.</param>
/// <param name="ProcessId">The machine's process, when there is a record.</param>
/// <param name="UptimeSeconds">Seconds since the start, when it runs.</param>
/// <param name="Control">The control endpoint, when there is a record.</param>
/// <param name="Console">The console endpoint, when there is a record.</param>
/// <param name="Display">The VNC endpoint, when the machine shows its display over VNC.</param>
/// <param name="DisplayWebSocket">The websocket endpoint for a browser VNC client, when there is one.</param>
internal sealed record StatusEntry(
    string Name,
    string State,
    string? Runtime,
    string? Accelerator,
    int? ProcessId,
    double? UptimeSeconds,
    string? Control,
    string? Console,
    string? Display,
    string? DisplayWebSocket);
