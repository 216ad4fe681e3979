using System.Globalization;

namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>
/// The version <c>qemu-system-x86_64 --version</c> prints, such as
/// <c>QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)</c> or, from the Windows builds,
/// <c>QEMU emulator version 9.1.0 (v9.1.0-12064-gc658f5d9f2)</c>.
/// </summary>
/// <remarks>Parsed by hand: a regular expression costs tens of milliseconds of start-up on its first use.</remarks>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Patch">The patch level.</param>
/// <param name="Build">What the packager put in parentheses, if anything.</param>
internal sealed record QemuVersion(int Major, int Minor, int Patch, string? Build)
{
    private const string Marker = "QEMU emulator version ";

    public static QemuVersion? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = output.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var line = output.AsSpan(start + Marker.Length);
        var end = line.IndexOfAny('\r', '\n');
        line = end < 0 ? line : line[..end];
        var numbersEnd = line.IndexOfAny(' ', '\t', '(');
        var numbers = numbersEnd < 0 ? line : line[..numbersEnd];
        var rest = numbersEnd < 0 ? [] : line[numbersEnd..].Trim();

        Span<Range> parts = stackalloc Range[4];
        var count = numbers.Split(parts, '.');
        if (count is < 2 or > 3
            || !TryParsePart(numbers[parts[0]], out var major)
            || !TryParsePart(numbers[parts[1]], out var minor))
        {
            return null;
        }

        var patch = 0;
        if (count == 3 && !TryParsePart(numbers[parts[2]], out patch))
        {
            return null;
        }

        string? build = null;
        if (rest.StartsWith('(') && rest.IndexOf(')') is var close and > 1)
        {
            build = rest[1..close].Trim().ToString();
        }

        return new QemuVersion(major, minor, patch, string.IsNullOrEmpty(build) ? null : build);
    }

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    private static bool TryParsePart(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 6
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
