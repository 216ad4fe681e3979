namespace Pane.Machines;

/// <summary>Everything a runtime needs to start a machine.</summary>
public sealed record MachineSpec
{
    /// <summary>Gets the machine's name, unique within a Pane home.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the number of virtual CPUs.</summary>
    public required int VirtualCpus { get; init; }

    /// <summary>Gets the guest memory in MiB.</summary>
    public required int MemoryMiB { get; init; }

    /// <summary>Gets the disks, in the order the guest sees them.</summary>
    public required IReadOnlyList<DiskSpec> Disks { get; init; }

    /// <summary>Gets how the guest kernel is started.</summary>
    public required BootSpec Boot { get; init; }

    /// <summary>Gets the guest's network.</summary>
    public NetworkMode Network { get; init; } = NetworkMode.User;

    /// <summary>Gets where the guest's screen goes.</summary>
    public DisplayMode Display { get; init; } = DisplayMode.None;

    /// <summary>
    /// Gets the password a client must give to see the screen with <see cref="DisplayMode.Vnc"/> (at most 8
    /// characters, the limit of VNC authentication). The host generates it for each launch and shows it to the user
    /// once; a runtime keeps it out of files, logs and command lines.
    /// </summary>
    public string? DisplayPassword { get; init; }

    /// <summary>Gets the accelerator to use instead of the runtime's choice (<c>kvm</c>, <c>whpx</c>, <c>tcg</c>), if any.</summary>
    public string? Accelerator { get; init; }

    /// <summary>Gets the folder, readable only by the current user, for the machine's sockets, logs and record.</summary>
    public required string StateDirectory { get; init; }
}
