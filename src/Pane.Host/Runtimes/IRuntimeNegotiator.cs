namespace Pane.Host.Runtimes;

/// <summary>
/// Probes every runtime provider at once, ranks the available ones, and picks one: the one asked for, or
/// the best for <c>auto</c>, saying why each other one was not chosen.
/// </summary>
public interface IRuntimeNegotiator
{
    /// <summary>Probes and picks.</summary>
    /// <param name="requested">A runtime id, or <see langword="null"/> or <c>auto</c> for the best available.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>Every candidate with its probe, and the choice.</returns>
    Task<RuntimeSelection> NegotiateAsync(string? requested, CancellationToken cancellationToken);
}
