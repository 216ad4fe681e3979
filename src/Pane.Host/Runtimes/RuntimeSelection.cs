namespace Pane.Host.Runtimes;

/// <summary>The outcome of runtime negotiation.</summary>
/// <param name="Requested">What was asked for (<c>auto</c> or a runtime id).</param>
/// <param name="Candidates">
/// For <c>auto</c>, every provider, best first; for a runtime requested by id, that one alone, since the others are
/// not probed.
/// </param>
/// <param name="Chosen">The chosen provider, or <see langword="null"/> when none can run a machine.</param>
public sealed record RuntimeSelection(string Requested, IReadOnlyList<RuntimeCandidate> Candidates, RuntimeCandidate? Chosen);
