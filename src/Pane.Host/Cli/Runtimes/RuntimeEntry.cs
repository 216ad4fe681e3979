using Pane.Host.Runtimes;
using Pane.Runtimes;

namespace Pane.Host.Cli.Runtimes;

/// <summary>One runtime in the output of <c>pane runtimes</c>.</summary>
/// <param name="Id">The runtime's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Available">Whether it can start a machine here.</param>
/// <param name="Score">Its rank among available runtimes; 0 when unavailable.</param>
/// <param name="Accelerator">The accelerator it would use, if any.</param>
/// <param name="Accelerated">Whether that accelerator is a hardware hypervisor.</param>
/// <param name="Version">The version of the underlying tool or platform, if known.</param>
/// <param name="Reason">Why it is unavailable, or <see langword="null"/>.</param>
/// <param name="Remedy">What to do about <paramref name="Reason"/>, or <see langword="null"/>.</param>
/// <param name="Details">Further facts from its probe.</param>
/// <param name="Capabilities">What its machines can do, as camelCase names.</param>
/// <param name="Chosen">Whether negotiation picked it.</param>
/// <param name="Verdict">Why it was chosen, or why not.</param>
internal sealed record RuntimeEntry(
    string Id,
    string Name,
    bool Available,
    int Score,
    string? Accelerator,
    bool Accelerated,
    string? Version,
    string? Reason,
    string? Remedy,
    IReadOnlyDictionary<string, string> Details,
    IReadOnlyList<string> Capabilities,
    bool Chosen,
    string Verdict)
{
    private static readonly (RuntimeCapabilities Flag, string Name)[] s_capabilityNames =
    [
        (RuntimeCapabilities.GraphicalDisplay, "graphicalDisplay"),
        (RuntimeCapabilities.SerialConsole, "serialConsole"),
        (RuntimeCapabilities.PersistentRoot, "persistentRoot"),
        (RuntimeCapabilities.Accelerated, "accelerated"),
    ];

    /// <summary>Describes a candidate of runtime negotiation.</summary>
    /// <param name="candidate">The candidate.</param>
    /// <param name="chosen">Whether it was chosen.</param>
    /// <returns>The entry.</returns>
    public static RuntimeEntry From(RuntimeCandidate candidate, bool chosen)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var provider = candidate.Provider;
        var probe = candidate.Probe;
        return new RuntimeEntry(
            provider.Id,
            provider.DisplayName,
            probe.IsAvailable,
            probe.IsAvailable ? probe.Score : 0,
            probe.Accelerator,
            probe.IsAccelerated,
            probe.Version,
            probe.Reason,
            probe.Remedy,
            SortedByKey(probe.Details),
            CapabilityNames(provider.Capabilities),
            chosen,
            candidate.Verdict);
    }

    /// <summary>Names the capabilities in a fixed order.</summary>
    private static List<string> CapabilityNames(RuntimeCapabilities capabilities)
    {
        var names = new List<string>(s_capabilityNames.Length);
        foreach (var (flag, name) in s_capabilityNames)
        {
            if (capabilities.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Copies the details in the ordinal order of their keys, which JSON output keeps.</summary>
    private static Dictionary<string, string> SortedByKey(IReadOnlyDictionary<string, string> details)
    {
        var keys = details.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var sorted = new Dictionary<string, string>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            sorted.Add(key, details[key]);
        }

        return sorted;
    }
}
