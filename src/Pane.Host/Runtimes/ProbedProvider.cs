using Pane.Runtimes;

namespace Pane.Host.Runtimes;

/// <summary>A runtime provider with what its probe found, as runtime negotiation ranks them.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Probe">What its probe found.</param>
internal sealed record ProbedProvider(IRuntimeProvider Provider, RuntimeProbeResult Probe)
{
    /// <summary>Orders available providers first, then by score from highest, then by id.</summary>
    /// <param name="x">One provider.</param>
    /// <param name="y">Another.</param>
    /// <returns>Less than zero when <paramref name="x"/> ranks before <paramref name="y"/>.</returns>
    public static int BestFirst(ProbedProvider x, ProbedProvider y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byAvailability = y.Probe.IsAvailable.CompareTo(x.Probe.IsAvailable);
        if (byAvailability != 0)
        {
            return byAvailability;
        }

        var byScore = x.Probe.IsAvailable ? y.Probe.Score.CompareTo(x.Probe.Score) : 0;
        return byScore != 0 ? byScore : string.CompareOrdinal(x.Provider.Id, y.Provider.Id);
    }
}
