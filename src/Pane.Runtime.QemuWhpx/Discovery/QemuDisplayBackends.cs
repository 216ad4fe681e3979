using Pane.Platform;

namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>
/// The display backends a <c>qemu-system-x86_64</c> was built with, as <c>-display help</c> lists them. Asked only
/// when a launch wants a window, so that probing QEMU stays as fast as it was.
/// </summary>
internal static class QemuDisplayBackends
{
    private const string Heading = "Available display backend types:";
    private static readonly TimeSpan s_queryTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Reads the list <c>-display help</c> prints: a heading, then one backend per line.</summary>
    /// <param name="output">What the binary printed on standard output.</param>
    /// <returns>The backends, lower case, or <see langword="null"/> when the heading is missing.</returns>
    public static IReadOnlySet<string>? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = output.IndexOf(Heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        return output[(start + Heading.Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Length > 0 && line.All(character => char.IsAsciiLetterOrDigit(character) || character == '-'))
            .Select(line => line.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Asks a binary for its display backends.</summary>
    /// <param name="runner">Runs the binary.</param>
    /// <param name="qemuPath">The binary.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The backends, or <see langword="null"/> when the binary would not say.</returns>
    public static async Task<IReadOnlySet<string>?> QueryAsync(IProcessRunner runner, string qemuPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var result = await runner.RunAsync(new ProcessCommand(qemuPath, ["-display", "help"]) { Timeout = s_queryTimeout }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? Parse(result.StandardOutputText) : null;
    }
}
