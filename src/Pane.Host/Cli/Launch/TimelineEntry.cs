namespace Pane.Host.Cli.Launch;

/// <summary>A boot milestone in a report.</summary>
/// <param name="Milestone">The milestone, in camelCase (<c>kernelStarted</c>, <c>login</c>, ...).</param>
/// <param name="Seconds">Seconds since the machine was started.</param>
internal sealed record TimelineEntry(string Milestone, double Seconds);
