using System.Text;

namespace Pane.Runtime.WslBridge.Cli;

/// <summary>
/// Reads what <c>wsl.exe</c> prints: UTF-16LE by default (with or without a byte-order mark), UTF-8 from builds
/// that honour <c>WSL_UTF8=1</c>, sometimes with stray NUL characters either way.
/// </summary>
internal static class WslOutput
{
    /// <summary>Decodes the output into text with <c>\n</c> line ends and no NUL characters.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(bytes[3..]);
        }
        else
        {
            text = LooksLikeUtf16(bytes) ? Encoding.Unicode.GetString(bytes) : Encoding.UTF8.GetString(bytes);
        }

        return text.Replace("\0", string.Empty, StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n');
    }

    /// <summary>
    /// Reads <c>Name: value</c> lines into a map keyed by the name's letters and digits in lower case, so that
    /// <c>Default Version: 2</c> and <c>DefaultVersion : 2</c> both land on <c>defaultversion</c>, and the German
    /// <c>WSL-Version</c> on <c>wslversion</c>.
    /// </summary>
    public static Dictionary<string, string> Fields(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(text))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = string.Concat(line[..colon].Where(char.IsLetterOrDigit)).ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key.Length > 0 && value.Length > 0)
            {
                fields.TryAdd(key, value);
            }
        }

        return fields;
    }

    /// <summary>Gets the non-blank lines, trimmed.</summary>
    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Tells whether the text is the message of a Windows whose WSL is not installed. Matched on the address the
    /// message links to, which is not translated, and on the English sentence.
    /// </summary>
    public static bool SaysNotInstalled(string text) =>
        text.Contains("aka.ms/wslinstall", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Windows Subsystem for Linux is not installed", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Tells whether the text says WSL 2 cannot start because the Virtual Machine Platform is off or the firmware
    /// has virtualization disabled: by the address and the command in that message, which are not translated.
    /// </summary>
    public static bool SaysVirtualizationIsOff(string text) =>
        text.Contains("aka.ms/enablevirtualization", StringComparison.OrdinalIgnoreCase)
        || text.Contains("--install --no-distribution", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Virtual Machine Platform", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var pairs = bytes.Length / 2;
        if (pairs == 0)
        {
            return false;
        }

        var zeroHighBytes = 0;
        for (var index = 1; index < bytes.Length; index += 2)
        {
            if (bytes[index] == 0)
            {
                zeroHighBytes++;
            }
        }

        return zeroHighBytes * 3 >= pairs;
    }
}
