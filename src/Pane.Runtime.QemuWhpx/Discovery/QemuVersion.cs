using System.Globalization;
using System.Text.RegularExpressions;

namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>
/// The version <c>qemu-system-x86_64 --version</c> prints, such as
/// <c>QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)</c> or, from the Windows builds,
/// <c>QEMU emulator version 9.1.0 (v9.1.0-12064-gc658f5d9f2)</c>.
/// </summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Patch">The patch level.</param>
/// <param name="Build">What the packager put in parentheses, if anything.</param>
internal sealed partial record QemuVersion(int Major, int Minor, int Patch, string? Build)
{
    public static QemuVersion? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var match = VersionLine().Match(output);
        if (!match.Success
            || !TryParsePart(match.Groups["major"].Value, out var major)
            || !TryParsePart(match.Groups["minor"].Value, out var minor))
        {
            return null;
        }

        var patch = 0;
        if (match.Groups["patch"].Success && !TryParsePart(match.Groups["patch"].Value, out patch))
        {
            return null;
        }

        var build = match.Groups["build"].Success ? match.Groups["build"].Value.Trim() : null;
        return new QemuVersion(major, minor, patch, string.IsNullOrEmpty(build) ? null : build);
    }

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    private static bool TryParsePart(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    [GeneratedRegex(@"QEMU emulator version (?<major>\d{1,6})\.(?<minor>\d{1,6})(?:\.(?<patch>\d{1,6}))?[^\S\r\n]*(?:\((?<build>[^)\r\n]*)\))?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();
}
