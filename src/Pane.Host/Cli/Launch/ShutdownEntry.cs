namespace Pane.Host.Cli.Launch;

/// <summary>How a machine stopped, in a report.</summary>
/// <param name="Method">The path taken: <c>acpiPowerdown</c>, <c>killed</c> or <c>alreadyStopped</c>.</param>
/// <param name="WaitedSeconds">Seconds spent waiting.</param>
internal sealed record ShutdownEntry(string Method, double WaitedSeconds);
