namespace Pane.ImageSources.Debian.Apt;

/// <summary>
/// Reads apt's source files: the one-line format of <c>*.list</c> files (<c>deb [options] URI suite
/// components</c>) and the deb822 stanzas of <c>*.sources</c> files. Only binary sources (<c>deb</c>) that are
/// enabled are returned; <c>deb-src</c> lines, comments and malformed lines are skipped.
/// </summary>
internal static class AptSourcesParser
{
    /// <summary>Parses a file in the one-line format.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>Its binary sources, one per suite, in the order written.</returns>
    public static IReadOnlyList<AptSource> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sources = new List<AptSource>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = StripComment(rawLine).Trim();
            if (!line.StartsWith("deb ", StringComparison.Ordinal) && !line.StartsWith("deb\t", StringComparison.Ordinal))
            {
                continue;
            }

            line = line[3..].Trim();
            string? signedBy = null;
            if (line.StartsWith('['))
            {
                var close = line.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    continue;
                }

                signedBy = Option(line[1..close], "signed-by");
                line = line[(close + 1)..];
            }

            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2)
            {
                sources.Add(new AptSource(words[0], words[1], words[2..], KeyringPath(signedBy)));
            }
        }

        return sources;
    }

    /// <summary>Parses a file in the deb822 format.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>Its binary sources, one per URI and suite, in the order written.</returns>
    public static IReadOnlyList<AptSource> ParseDeb822(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sources = new List<AptSource>();
        foreach (var stanza in Stanzas(text))
        {
            if (!Words(stanza, "Types").Contains("deb")
                || string.Equals(Field(stanza, "Enabled"), "no", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var components = Words(stanza, "Components");
            var signedBy = KeyringPath(Field(stanza, "Signed-By"));
            foreach (var uri in Words(stanza, "URIs"))
            {
                foreach (var suite in Words(stanza, "Suites"))
                {
                    sources.Add(new AptSource(uri, suite, components, signedBy));
                }
            }
        }

        return sources;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    private static string? Option(string options, string name)
    {
        foreach (var option in options.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(option[..equals], name, StringComparison.OrdinalIgnoreCase))
            {
                return option[(equals + 1)..];
            }
        }

        return null;
    }

    /// <summary>Keeps a Signed-By value that names keyring files; an inline key block is left to mmdebstrap.</summary>
    private static string? KeyringPath(string? signedBy) =>
        signedBy is not null && signedBy.StartsWith('/') && !signedBy.Contains('\n', StringComparison.Ordinal) ? signedBy : null;

    private static List<Dictionary<string, string>> Stanzas(string text)
    {
        var stanzas = new List<Dictionary<string, string>>();
        var current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? lastField = null;
        foreach (var rawLine in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            if (rawLine.StartsWith('#'))
            {
                continue;
            }

            if (rawLine.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    stanzas.Add(current);
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                lastField = null;
                continue;
            }

            if (char.IsWhiteSpace(rawLine[0]))
            {
                if (lastField is not null)
                {
                    current[lastField] += "\n" + rawLine.Trim();
                }

                continue;
            }

            var colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                lastField = rawLine[..colon].Trim();
                current[lastField] = rawLine[(colon + 1)..].Trim();
            }
        }

        if (current.Count > 0)
        {
            stanzas.Add(current);
        }

        return stanzas;
    }

    private static string? Field(Dictionary<string, string> stanza, string name) =>
        stanza.TryGetValue(name, out var value) ? value.Trim() : null;

    private static string[] Words(Dictionary<string, string> stanza, string name) =>
        Field(stanza, name)?.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries) ?? [];
}
