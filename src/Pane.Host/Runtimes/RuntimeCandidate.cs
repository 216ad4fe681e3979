using Pane.Runtimes;

namespace Pane.Host.Runtimes;

/// <summary>A runtime provider with its probe result and why it was or was not chosen.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Probe">What its probe found.</param>
/// <param name="Verdict">One sentence on why it was chosen, or why not.</param>
public sealed record RuntimeCandidate(IRuntimeProvider Provider, RuntimeProbeResult Probe, string Verdict);
