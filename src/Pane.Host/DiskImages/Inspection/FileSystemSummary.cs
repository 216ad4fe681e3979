namespace Pane.Host.DiskImages.Inspection;

/// <summary>What <c>pane image info</c> shows of one filesystem.</summary>
internal sealed record FileSystemSummary(string Type, string? Label, string? Uuid, IReadOnlyList<string> Features)
{
    public static FileSystemSummary From(ILinuxFileSystem fileSystem) =>
        new(fileSystem.Type, fileSystem.Label, fileSystem.Uuid?.ToString(), fileSystem.Features);
}
