using Pane.Host.Runtimes;

namespace Pane.Host.Cli.Runtimes;

/// <summary>The result of <c>pane runtimes</c>: every runtime, best first, and what <c>auto</c> picks and why.</summary>
/// <param name="Selection">What was asked for and what was picked.</param>
/// <param name="Runtimes">Every runtime, best first.</param>
internal sealed record RuntimesReport(RuntimeSelectionEntry Selection, IReadOnlyList<RuntimeEntry> Runtimes)
{
    /// <summary>Describes a negotiation.</summary>
    /// <param name="selection">The negotiation's outcome.</param>
    /// <returns>The report.</returns>
    public static RuntimesReport From(RuntimeSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var chosen = selection.Chosen;
        var summary = new RuntimeSelectionEntry(
            selection.Requested,
            chosen?.Provider.Id,
            chosen?.Verdict ?? NothingAvailable(selection));
        var runtimes = selection.Candidates.Select(candidate => RuntimeEntry.From(candidate, ReferenceEquals(candidate, chosen))).ToList();
        return new RuntimesReport(summary, runtimes);
    }

    private static string NothingAvailable(RuntimeSelection selection) => selection.Candidates.Count == 0
        ? "No plugin provides a runtime."
        : "No runtime is available on this host; each runtime's reason and remedy say why.";
}
