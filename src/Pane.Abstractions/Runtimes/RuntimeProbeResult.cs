namespace Pane.Runtimes;

/// <summary>The outcome of <see cref="IRuntimeProvider.ProbeAsync"/>.</summary>
/// <remarks>
/// Scores rank available runtimes for <c>auto</c>: the built-in ones use 100 for an accelerated QEMU,
/// 80 for the native VMM, 60 for WSL and 20 for QEMU under software emulation.
/// </remarks>
public sealed record RuntimeProbeResult
{
    /// <summary>Gets a value indicating whether the runtime can start a machine here.</summary>
    public required bool IsAvailable { get; init; }

    /// <summary>Gets the rank among available runtimes; higher is better. Zero when unavailable.</summary>
    public int Score { get; init; }

    /// <summary>Gets the accelerator the runtime would use (<c>kvm</c>, <c>whpx</c>, <c>whp</c>, <c>tcg</c>, <c>wsl2</c>), if any.</summary>
    public string? Accelerator { get; init; }

    /// <summary>Gets a value indicating whether the runtime would run the guest on a hardware hypervisor.</summary>
    public bool IsAccelerated { get; init; }

    /// <summary>Gets the version of the underlying tool or platform, if known.</summary>
    public string? Version { get; init; }

    /// <summary>Gets one sentence on why the runtime is unavailable, or <see langword="null"/> when it is available.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets one sentence on what the user can do about <see cref="Reason"/>.</summary>
    public string? Remedy { get; init; }

    /// <summary>Gets further facts worth showing (executable path, why an accelerator was refused, ...).</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>Creates a result for an available runtime.</summary>
    /// <param name="score">The rank among available runtimes; higher is better.</param>
    /// <param name="accelerator">The accelerator the runtime would use.</param>
    /// <param name="isAccelerated">Whether that accelerator is a hardware hypervisor.</param>
    /// <returns>The result.</returns>
    public static RuntimeProbeResult Available(int score, string? accelerator, bool isAccelerated) => new()
    {
        IsAvailable = true,
        Score = score,
        Accelerator = accelerator,
        IsAccelerated = isAccelerated,
    };

    /// <summary>Creates a result for an unavailable runtime.</summary>
    /// <param name="reason">One sentence on why it is unavailable.</param>
    /// <param name="remedy">One sentence on what to do about it.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="remedy"/> is empty.</exception>
    public static RuntimeProbeResult Unavailable(string reason, string remedy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(remedy);
        return new() { IsAvailable = false, Reason = reason, Remedy = remedy };
    }
}
