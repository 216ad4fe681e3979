using System.Globalization;

namespace Pane.Runtime.WslBridge.Cli;

/// <summary>
/// What <c>wsl --status</c> says: <c>Default Distribution: Ubuntu</c>, <c>Default Version: 2</c>, on older builds
/// <c>Kernel version: 5.10.102.1</c>, and any message about WSL or virtualization being missing.
/// </summary>
/// <param name="DefaultDistribution">The default distribution, if any.</param>
/// <param name="DefaultVersion">The WSL version new distributions get (1 or 2), if printed.</param>
/// <param name="KernelVersion">The kernel version older builds print here.</param>
/// <param name="IsNotInstalled">Whether it says WSL is not installed.</param>
/// <param name="IsVirtualizationOff">Whether it says WSL 2 cannot start for lack of the Virtual Machine Platform or of virtualization.</param>
/// <param name="FirstLine">The first line it printed, to quote to the user.</param>
internal sealed record WslStatusReport(
    string? DefaultDistribution,
    int? DefaultVersion,
    string? KernelVersion,
    bool IsNotInstalled,
    bool IsVirtualizationOff,
    string? FirstLine)
{
    public static WslStatusReport Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = WslOutput.Fields(text);
        int? defaultVersion = fields.TryGetValue("defaultversion", out var version)
            && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
        return new WslStatusReport(
            fields.GetValueOrDefault("defaultdistribution"),
            defaultVersion,
            fields.GetValueOrDefault("kernelversion"),
            WslOutput.SaysNotInstalled(text),
            WslOutput.SaysVirtualizationIsOff(text),
            WslOutput.Lines(text).FirstOrDefault());
    }
}
