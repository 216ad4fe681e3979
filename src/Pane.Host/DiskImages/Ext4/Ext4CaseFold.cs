using System.Text;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>
/// Folds a name as Linux's utf8 casefolding does for casefolded ext4 directories (fs/unicode: canonical decomposition,
/// NFD, with Unicode's full case folding, the C and F mappings of CaseFolding.txt, not the Turkic T ones): two names
/// that fold to the same string name the same entry.
/// </summary>
internal static class Ext4CaseFold
{
    /// <summary>
    /// The full (F) foldings that neither a canonical decomposition nor a simple case mapping reaches: sharp s, the
    /// Latin and Armenian ligatures and the few letters whose only decomposition is a compatibility one.
    /// </summary>
    private static readonly Dictionary<int, string> s_fullFoldings = new()
    {
        [0x00DF] = "ss",
        [0x1E9E] = "ss",
        [0x0149] = "\u02BCn",
        [0x1E9A] = "a\u02BE",
        [0x0587] = "\u0565\u0582",
        [0xFB00] = "ff",
        [0xFB01] = "fi",
        [0xFB02] = "fl",
        [0xFB03] = "ffi",
        [0xFB04] = "ffl",
        [0xFB05] = "st",
        [0xFB06] = "st",
        [0xFB13] = "\u0574\u0576",
        [0xFB14] = "\u0574\u0565",
        [0xFB15] = "\u0574\u056B",
        [0xFB16] = "\u057E\u0576",
        [0xFB17] = "\u0574\u056D",
    };

    /// <summary>Folds a name: decompose, fold each character's case, decompose again.</summary>
    /// <returns>The folded name; a string that is not valid UTF-16 (a lone surrogate, which no decoded directory
    /// entry holds) is returned as it is, so it only matches itself.</returns>
    public static string Fold(string name)
    {
        if (!IsValidUnicode(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (s_fullFoldings.TryGetValue(rune.Value, out var folded))
            {
                builder.Append(folded);
            }
            else if (rune.Value == 0x0131)
            {
                // Dotless i folds only under the Turkic (T) mappings, which Linux does not apply.
                builder.Append('\u0131');
            }
            else
            {
                // Upper then lower maps every case variant (long s, Kelvin sign, final sigma) to one form.
                builder.Append(Rune.ToLowerInvariant(Rune.ToUpperInvariant(rune)).ToString());
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormD);
    }

    private static bool IsValidUnicode(string name)
    {
        for (var index = 0; index < name.Length; index++)
        {
            if (Rune.DecodeFromUtf16(name.AsSpan(index), out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            index += used - 1;
        }

        return true;
    }
}
