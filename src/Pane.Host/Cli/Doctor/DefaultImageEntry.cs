namespace Pane.Host.Cli.Doctor;

/// <summary>The image <c>pane launch</c> uses when none is given.</summary>
/// <param name="Reference">The reference or store name.</param>
/// <param name="Origin">Where the choice comes from.</param>
/// <param name="InStore">Whether the store has it already; otherwise the first launch acquires it.</param>
/// <param name="Fallback">The image used instead when the default's server cannot be reached, or <see langword="null"/> for none.</param>
internal sealed record DefaultImageEntry(string Reference, string Origin, bool InStore, string? Fallback);
