using System.Text.RegularExpressions;

namespace Pane.Host.Guest;

/// <summary>
/// Takes kernel messages out of a console's lines. The kernel writes to the serial console whenever it likes, so a
/// message may start in the middle of a line the shell was printing (<c>PANE-EN[   12.345678] random: ...</c>, then
/// <c>D:...</c> on the next line): the part before the message is held and put back in front of the next line.
/// </summary>
internal sealed partial class KernelMessageFilter
{
    private string _held = string.Empty;

    /// <summary>Takes one console line.</summary>
    /// <param name="line">The line, escape sequences removed.</param>
    /// <param name="kernelMessage">The kernel message the line carried, if any.</param>
    /// <returns>The line the shell printed, or <see langword="null"/> when the line held only a kernel message (and maybe the start of a line).</returns>
    public string? Push(string line, out string? kernelMessage)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = KernelMessage().Match(line);
        if (!match.Success)
        {
            kernelMessage = null;
            var whole = _held + line;
            _held = string.Empty;
            return whole;
        }

        kernelMessage = match.Groups["message"].Value;
        _held += match.Groups["before"].Value;
        return null;
    }

    /// <summary>The kernel's timestamped message format, <c>[ seconds.micros] text</c>, anywhere in the line.</summary>
    [GeneratedRegex(@"^(?<before>.*?)\[\s*\d+\.\d{6}\] (?<message>.*)$")]
    private static partial Regex KernelMessage();
}
