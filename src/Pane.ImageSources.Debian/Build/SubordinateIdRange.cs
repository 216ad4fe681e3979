using System.Globalization;

namespace Pane.ImageSources.Debian.Build;

/// <summary>A range of subordinate user or group ids of <c>/etc/subuid</c> or <c>/etc/subgid</c>.</summary>
/// <param name="Start">The first id on the host.</param>
/// <param name="Count">How many ids.</param>
internal sealed record SubordinateIdRange(uint Start, uint Count)
{
    /// <summary>Gets how many ids a Debian system needs: every id below 65536.</summary>
    public const uint Needed = 65536;

    /// <summary>Finds the first range of a user that is large enough for a Debian system.</summary>
    /// <param name="text">The text of <c>/etc/subuid</c> or <c>/etc/subgid</c>.</param>
    /// <param name="userName">The user's name.</param>
    /// <param name="userId">The user's id, which the file may name instead.</param>
    /// <returns>The range, or <see langword="null"/> when the user has none large enough.</returns>
    public static SubordinateIdRange? Find(string? text, string userName, uint userId)
    {
        var id = userId.ToString(CultureInfo.InvariantCulture);
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            var fields = line.Trim().Split(':');
            if (fields.Length == 3
                && (fields[0] == userName || fields[0] == id)
                && uint.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count >= Needed)
            {
                return new SubordinateIdRange(start, count);
            }
        }

        return null;
    }
}
