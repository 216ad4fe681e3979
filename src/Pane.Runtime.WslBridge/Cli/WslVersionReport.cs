using System.Text.RegularExpressions;

namespace Pane.Runtime.WslBridge.Cli;

/// <summary>
/// What <c>wsl --version</c> says (WSL from the Microsoft Store, 0.67 and later): <c>WSL version: 2.0.9.0</c>,
/// <c>Kernel version: 5.15.133.1-1</c>, <c>WSLg version: 1.0.59</c>, ..., <c>Windows version: 10.0.22631.2715</c>.
/// The built-in WSL of older Windows does not know <c>--version</c> and prints its usage instead.
/// </summary>
/// <param name="WslVersion">The WSL package's version, if printed.</param>
/// <param name="KernelVersion">The WSL 2 kernel's version, if printed.</param>
/// <param name="WslgVersion">The WSLg version, if printed.</param>
/// <param name="WindowsVersion">The Windows version, if printed.</param>
/// <param name="IsNotInstalled">Whether it says WSL is not installed.</param>
internal sealed partial record WslVersionReport(
    string? WslVersion,
    string? KernelVersion,
    string? WslgVersion,
    string? WindowsVersion,
    bool IsNotInstalled)
{
    public static WslVersionReport Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = WslOutput.Fields(text);
        var wsl = fields.GetValueOrDefault("wslversion");
        var kernel = fields.GetValueOrDefault("kernelversion");
        if (wsl is null || kernel is null)
        {
            // A translated output: the lines come in a fixed order, WSL first and the kernel second.
            var versions = WslOutput.Lines(text)
                .Select(line => VersionLine().Match(line))
                .Where(match => match.Success)
                .Select(match => match.Groups["version"].Value)
                .ToList();
            if (versions.Count >= 2)
            {
                wsl ??= versions[0];
                kernel ??= versions[1];
            }
        }

        return new WslVersionReport(
            wsl,
            kernel,
            fields.GetValueOrDefault("wslgversion"),
            fields.GetValueOrDefault("windowsversion"),
            WslOutput.SaysNotInstalled(text));
    }

    [GeneratedRegex(@"^[^:]+:\s*(?<version>\d+(?:\.\d+)+\S*)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();
}
