namespace Pane.Host.Images;

/// <summary>The image <c>pane launch</c> uses when none is given, and why.</summary>
/// <param name="Reference">The reference or store name.</param>
/// <param name="Origin">Where the choice comes from, in a few words.</param>
/// <param name="Fallback">
/// The reference used instead when the server of <paramref name="Reference"/> cannot be reached, or
/// <see langword="null"/> for none: then every failure to acquire the default is reported as it is.
/// </param>
internal sealed record DefaultImage(string Reference, string Origin, string? Fallback = null);
