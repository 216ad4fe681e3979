namespace Pane.Host.DiskImages.Inspection;

/// <summary>What <c>pane image info</c> shows of one partition.</summary>
internal sealed record PartitionSummary
{
    public required int Number { get; init; }

    public required string Type { get; init; }

    public required string TypeName { get; init; }

    public string? Name { get; init; }

    public required string PartUuid { get; init; }

    public required long Offset { get; init; }

    public required long Size { get; init; }

    public FileSystemSummary? FileSystem { get; init; }

    public string? Problem { get; init; }
}
