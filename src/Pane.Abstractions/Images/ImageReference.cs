namespace Pane.Images;

/// <summary>A reference to a base image as a user writes it.</summary>
/// <param name="Scheme">The part before the first colon (<c>https</c>, <c>file</c>), or the whole name (<c>arch</c>).</param>
/// <param name="Location">The part after the scheme's colon, or empty for a bare name.</param>
/// <param name="ExpectedSha256">The lower-case hexadecimal SHA-256 the image must have, if given.</param>
public sealed record ImageReference(string Scheme, string Location, string? ExpectedSha256)
{
    /// <summary>Parses <c>name</c>, <c>scheme:location</c> and a trailing <c>#sha256=HEX</c> fragment.</summary>
    /// <param name="text">The reference as the user wrote it.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or its SHA-256 is not 64 hexadecimal digits.</exception>
    public static ImageReference Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        string? sha256 = null;
        var body = text;
        var fragment = text.LastIndexOf("#sha256=", StringComparison.OrdinalIgnoreCase);
        if (fragment >= 0)
        {
            sha256 = text[(fragment + "#sha256=".Length)..].ToLowerInvariant();
            body = text[..fragment];
            if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
            {
                throw new ArgumentException($"The SHA-256 in '{text}' is not 64 hexadecimal digits.", nameof(text));
            }
        }

        var colon = body.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0
            ? new ImageReference(body.ToLowerInvariant(), string.Empty, sha256)
            : new ImageReference(body[..colon].ToLowerInvariant(), body[(colon + 1)..], sha256);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var body = Location.Length == 0 ? Scheme : $"{Scheme}:{Location}";
        return ExpectedSha256 is null ? body : $"{body}#sha256={ExpectedSha256}";
    }
}
