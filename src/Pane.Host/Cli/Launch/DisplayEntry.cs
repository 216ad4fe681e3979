namespace Pane.Host.Cli.Launch;

/// <summary>Where the screen of a launched machine is, in a report.</summary>
/// <param name="Endpoint">The VNC endpoint on the loopback address.</param>
/// <param name="WebSocket">The websocket endpoint for a browser's VNC client.</param>
/// <param name="Password">The password both ask for; shown this once and stored nowhere.</param>
internal sealed record DisplayEntry(string Endpoint, string? WebSocket, string? Password);
