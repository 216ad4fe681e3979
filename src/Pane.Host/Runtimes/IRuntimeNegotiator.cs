namespace Pane.Host.Runtimes;

/// <summary>
/// Picks a runtime: the one asked for by id, probed alone; or, for <c>auto</c>, the best of every runtime provider,
/// all probed at once, saying why each other one was not chosen.
/// </summary>
public interface IRuntimeNegotiator
{
    /// <summary>Probes and picks.</summary>
    /// <param name="requested">A runtime id, or <see langword="null"/> or <c>auto</c> for the best available.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The candidates with their probes, and the choice.</returns>
    Task<RuntimeSelection> NegotiateAsync(string? requested, CancellationToken cancellationToken);
}
