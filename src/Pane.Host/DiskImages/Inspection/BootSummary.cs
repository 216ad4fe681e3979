namespace Pane.Host.DiskImages.Inspection;

/// <summary>What <c>pane image info</c> shows of the boot artifacts it found.</summary>
internal sealed record BootSummary
{
    public required string Kernel { get; init; }

    public string? Initramfs { get; init; }

    public required string KernelVersion { get; init; }

    public int? RootPartition { get; init; }

    public int? BootPartition { get; init; }

    public required string RootArgument { get; init; }

    public string? Family { get; init; }

    public string? Distribution { get; init; }
}
