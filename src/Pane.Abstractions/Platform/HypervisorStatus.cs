namespace Pane.Platform;

/// <summary>Whether a hypervisor can run an ordinary guest on this host.</summary>
public sealed record HypervisorStatus
{
    /// <summary>Gets the hypervisor.</summary>
    public required HypervisorKind Kind { get; init; }

    /// <summary>Gets a value indicating whether it ran a guest, or would by everything the host can tell.</summary>
    public required bool IsUsable { get; init; }

    /// <summary>Gets what the probe found, such as the kernel module behind <c>/dev/kvm</c>.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets one sentence on why it is not usable.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets one sentence on what the user can do about <see cref="Reason"/>.</summary>
    public string? Remedy { get; init; }

    /// <summary>Creates the status of a usable hypervisor.</summary>
    /// <param name="kind">The hypervisor.</param>
    /// <param name="detail">What the probe found.</param>
    /// <returns>The status.</returns>
    public static HypervisorStatus Usable(HypervisorKind kind, string detail) =>
        new() { Kind = kind, IsUsable = true, Detail = detail };

    /// <summary>Creates the status of a hypervisor that cannot run a guest.</summary>
    /// <param name="kind">The hypervisor.</param>
    /// <param name="reason">One sentence on why.</param>
    /// <param name="remedy">One sentence on what to do.</param>
    /// <param name="detail">What the probe found, if anything.</param>
    /// <returns>The status.</returns>
    public static HypervisorStatus Unusable(HypervisorKind kind, string reason, string remedy, string? detail = null) =>
        new() { Kind = kind, IsUsable = false, Reason = reason, Remedy = remedy, Detail = detail };
}
