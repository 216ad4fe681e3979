namespace Pane.Host.Cli.Runtimes;

/// <summary>What runtime negotiation picked, in the output of <c>pane runtimes</c>.</summary>
/// <param name="Requested"><c>auto</c>, or the runtime id asked for.</param>
/// <param name="Chosen">The chosen runtime's id, or <see langword="null"/> when none is available.</param>
/// <param name="Reason">Why it was chosen, or why nothing was.</param>
internal sealed record RuntimeSelectionEntry(string Requested, string? Chosen, string Reason);
