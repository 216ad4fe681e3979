using System.Globalization;
using System.Text.RegularExpressions;

namespace Pane.Host.DesktopInstall;

/// <summary>
/// Reads progress from a package manager that numbers each package it installs, such as pacman's
/// <c>(12/258) installing</c> and dnf's <c>Installing : ... 12/258</c>: a pattern with <c>done</c> and <c>total</c> groups.
/// </summary>
internal sealed class CounterLineProgressReader : IPackageProgressReader
{
    private readonly Regex _step;

    /// <summary>Initializes a new instance of the <see cref="CounterLineProgressReader"/> class.</summary>
    /// <param name="step">Matches a step line, with the groups <c>done</c> and <c>total</c>.</param>
    public CounterLineProgressReader(Regex step) => _step = step;

    /// <inheritdoc/>
    public bool TryRead(string line, out PackageProgress progress)
    {
        var match = _step.Match(line);
        progress = match.Success
            ? new PackageProgress(
                int.Parse(match.Groups["done"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["total"].Value, CultureInfo.InvariantCulture))
            : default;
        return match.Success;
    }
}
