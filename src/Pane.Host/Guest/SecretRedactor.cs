namespace Pane.Host.Guest;

/// <summary>Replaces every occurrence of a set of secrets (passwords) in text before it is shown or written anywhere.</summary>
internal sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[redacted]";

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = [.. secrets.Where(secret => secret.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(secret => secret.Length)];
    }

    /// <summary>Gets a redactor that knows no secret.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>Replaces the secrets in a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with each secret replaced by <see cref="Mask"/>.</returns>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
