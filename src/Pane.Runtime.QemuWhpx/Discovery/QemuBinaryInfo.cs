namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>What a <c>qemu-system-x86_64</c> binary says about itself.</summary>
/// <param name="Version">Its version, or <see langword="null"/> when <c>--version</c> printed none Pane understands.</param>
/// <param name="Accelerators">
/// The accelerators it was built with (<c>-accel help</c>), lower case, or <see langword="null"/> when it would not say.
/// </param>
internal sealed record QemuBinaryInfo(QemuVersion? Version, IReadOnlySet<string>? Accelerators)
{
    private const string AcceleratorHeading = "Accelerators supported in QEMU binary:";

    /// <summary>Reads the list <c>-accel help</c> prints: a heading, then one accelerator per line.</summary>
    /// <param name="output">What the binary printed.</param>
    /// <returns>The accelerators, or <see langword="null"/> when the heading is missing.</returns>
    public static IReadOnlySet<string>? ParseAccelerators(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = output.IndexOf(AcceleratorHeading, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        return output[(start + AcceleratorHeading.Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Length > 0 && line.All(char.IsAsciiLetterOrDigit))
            .Select(line => line.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }
}
