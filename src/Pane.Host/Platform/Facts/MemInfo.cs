using System.Globalization;

namespace Pane.Host.Platform.Facts;

/// <summary>Reads Linux's <c>/proc/meminfo</c>.</summary>
internal static class MemInfo
{
    /// <summary>Finds <c>MemTotal</c>.</summary>
    /// <param name="text">The file's text, lines such as <c>MemTotal:       16318480 kB</c>.</param>
    /// <returns>The total in bytes, or <see langword="null"/> when the line is missing or malformed.</returns>
    public static long? ParseTotalBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !line.AsSpan(0, colon).Trim().SequenceEqual("MemTotal"))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            var multiplier = 1L;
            if (value.EndsWith("kB", StringComparison.Ordinal))
            {
                multiplier = 1024;
                value = value[..^2].TrimEnd();
            }

            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                && amount > 0 && amount <= long.MaxValue / multiplier
                ? amount * multiplier
                : null;
        }

        return null;
    }
}
