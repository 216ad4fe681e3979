namespace Pane.Host.DiskImages.Boot;

/// <summary>The <c>boot.json</c> of a boot cache folder: what was chosen from the image.</summary>
internal sealed record BootCacheRecord
{
    public required string KernelPath { get; init; }

    public string? InitramfsPath { get; init; }

    public required string KernelVersion { get; init; }

    public int? RootPartitionNumber { get; init; }

    public int? BootPartitionNumber { get; init; }

    public required string RootArgument { get; init; }

    public string? Family { get; init; }

    public string? DistributionId { get; init; }

    public string? DistributionName { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }

    public static BootCacheRecord From(BootArtifacts artifacts, IReadOnlyList<string> warnings) => new()
    {
        Warnings = warnings,
        KernelPath = artifacts.KernelPath,
        InitramfsPath = artifacts.InitramfsPath,
        KernelVersion = artifacts.KernelVersion,
        RootPartitionNumber = artifacts.RootPartitionNumber,
        BootPartitionNumber = artifacts.BootPartitionNumber,
        RootArgument = artifacts.RootArgument,
        Family = artifacts.Family?.Name,
        DistributionId = artifacts.DistributionId,
        DistributionName = artifacts.DistributionName,
    };

    public BootArtifacts ToArtifacts() => new()
    {
        KernelPath = KernelPath,
        InitramfsPath = InitramfsPath,
        KernelVersion = KernelVersion,
        RootPartitionNumber = RootPartitionNumber,
        BootPartitionNumber = BootPartitionNumber,
        RootArgument = RootArgument,
        Family = Family is null ? null : new Desktops.DistributionFamily(Family),
        DistributionId = DistributionId,
        DistributionName = DistributionName,
    };
}
