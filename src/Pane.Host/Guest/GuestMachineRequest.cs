namespace Pane.Host.Guest;

/// <summary>Which machine a guest session works on, and how to boot it when it does not run.</summary>
internal sealed record GuestMachineRequest
{
    /// <summary>Gets the machine's name.</summary>
    public string Name { get; init; } = "default";

    /// <summary>
    /// Gets the base image to boot, or <see langword="null"/> for the one the machine's root overlay was made from.
    /// </summary>
    public string? Image { get; init; }

    /// <summary>Gets the accelerator asked for, or <see langword="null"/> for the runtime's choice.</summary>
    public string? Accelerator { get; init; }

    /// <summary>Gets the number of virtual CPUs, or <see langword="null"/> for the default.</summary>
    public int? VirtualCpus { get; init; }

    /// <summary>Gets the memory in MiB, or <see langword="null"/> for the default.</summary>
    public int? MemoryMiB { get; init; }

    /// <summary>Gets how long the guest may take to boot to its shell.</summary>
    public TimeSpan BootTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how long the guest may take to power off before it is killed.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(60);
}
