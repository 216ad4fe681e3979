namespace Pane.Host.DiskImages.Inspection;

/// <summary>Everything <c>pane image info</c> shows of an image.</summary>
internal sealed record ImageSummary
{
    public required string Path { get; init; }

    public required string Format { get; init; }

    public required long VirtualSize { get; init; }

    public required IReadOnlyList<string> BackingChain { get; init; }

    public required string PartitionTable { get; init; }

    public string? DiskId { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required IReadOnlyList<PartitionSummary> Partitions { get; init; }

    public FileSystemSummary? FileSystem { get; init; }

    public BootSummary? Boot { get; init; }

    public string? BootProblem { get; init; }
}
