using System.Globalization;

namespace Pane.Host.DiskImages.Boot;

/// <summary>
/// Orders version strings as dpkg does (Debian Policy 5.6.12): epoch, then upstream version, then revision, each
/// compared by alternating non-digit runs (where <c>~</c> sorts before everything, even the end) and digit runs.
/// </summary>
internal sealed class DebianVersionComparer : IComparer<string>
{
    public static DebianVersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var (leftEpoch, leftUpstream, leftRevision) = Split(x);
        var (rightEpoch, rightUpstream, rightRevision) = Split(y);
        var result = leftEpoch.CompareTo(rightEpoch);
        if (result == 0)
        {
            result = CompareParts(leftUpstream, rightUpstream);
        }

        return result != 0 ? result : CompareParts(leftRevision, rightRevision);
    }

    private static (long Epoch, string Upstream, string Revision) Split(string version)
    {
        var epoch = 0L;
        var colon = version.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && long.TryParse(version.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            epoch = parsed;
            version = version[(colon + 1)..];
        }

        var hyphen = version.LastIndexOf('-');
        return hyphen < 0 ? (epoch, version, string.Empty) : (epoch, version[..hyphen], version[(hyphen + 1)..]);
    }

    private static int CompareParts(string left, string right)
    {
        var i = 0;
        var j = 0;
        while (i < left.Length || j < right.Length)
        {
            while ((i < left.Length && !char.IsAsciiDigit(left[i])) || (j < right.Length && !char.IsAsciiDigit(right[j])))
            {
                var leftOrder = i < left.Length && !char.IsAsciiDigit(left[i]) ? Order(left[i]) : 0;
                var rightOrder = j < right.Length && !char.IsAsciiDigit(right[j]) ? Order(right[j]) : 0;
                if (leftOrder != rightOrder)
                {
                    return leftOrder.CompareTo(rightOrder);
                }

                i++;
                j++;
            }

            while (i < left.Length && left[i] == '0')
            {
                i++;
            }

            while (j < right.Length && right[j] == '0')
            {
                j++;
            }

            var leftStart = i;
            var rightStart = j;
            while (i < left.Length && char.IsAsciiDigit(left[i]))
            {
                i++;
            }

            while (j < right.Length && char.IsAsciiDigit(right[j]))
            {
                j++;
            }

            var leftDigits = left.AsSpan(leftStart, i - leftStart);
            var rightDigits = right.AsSpan(rightStart, j - rightStart);
            if (leftDigits.Length != rightDigits.Length)
            {
                return leftDigits.Length.CompareTo(rightDigits.Length);
            }

            var digits = leftDigits.SequenceCompareTo(rightDigits);
            if (digits != 0)
            {
                return Math.Sign(digits);
            }
        }

        return 0;
    }

    private static int Order(char character) => character switch
    {
        '~' => -1,
        _ when char.IsAsciiLetter(character) => character,
        _ => character + 256,
    };
}
