namespace Pane.Host.Images;

/// <summary>The image <c>pane launch</c> uses when none is given, and why.</summary>
/// <param name="Reference">The reference or store name.</param>
/// <param name="Origin">Where the choice comes from, in a few words.</param>
internal sealed record DefaultImage(string Reference, string Origin);
