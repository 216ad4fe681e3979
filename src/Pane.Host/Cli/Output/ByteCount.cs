using System.Globalization;

namespace Pane.Host.Cli.Output;

/// <summary>Writes byte counts in binary units (B, KiB, MiB, GiB, TiB) for people to read.</summary>
internal static class ByteCount
{
    private static readonly string[] s_units = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary>Writes a byte count in the largest unit that keeps the number at 1 or more.</summary>
    /// <param name="bytes">The count.</param>
    /// <param name="numberFormat">The format of the number in units above bytes, such as <c>0.0</c> or <c>0.#</c>.</param>
    /// <returns>The text, such as <c>1.5 GiB</c>; whole bytes below 1 KiB, such as <c>512 B</c>.</returns>
    public static string Format(long bytes, string numberFormat = "0.0")
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < s_units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : $"{value.ToString(numberFormat, CultureInfo.InvariantCulture)} {s_units[unit]}";
    }
}
