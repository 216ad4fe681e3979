using Pane.Host.DiskImages;

namespace Pane.Host.Cli.Image.Ls;

/// <summary>One line of <c>pane image ls</c>, as JSON writes it.</summary>
internal sealed record ImageLsEntry
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public required string Kind { get; init; }

    public required string Mode { get; init; }

    public required ulong Inode { get; init; }

    public required int Links { get; init; }

    public required uint Uid { get; init; }

    public required uint Gid { get; init; }

    public required long Size { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public string? SymlinkTarget { get; init; }

    public static ImageLsEntry From(FileSystemEntry entry) => new()
    {
        Name = entry.Name,
        Path = entry.Path,
        Kind = entry.Kind switch
        {
            FileSystemEntryKind.File => "file",
            FileSystemEntryKind.Directory => "directory",
            FileSystemEntryKind.SymbolicLink => "symlink",
            FileSystemEntryKind.CharacterDevice => "char-device",
            FileSystemEntryKind.BlockDevice => "block-device",
            FileSystemEntryKind.Fifo => "fifo",
            _ => "socket",
        },
        Mode = FileModeText.Format(entry.Kind, entry.Permissions),
        Inode = entry.Inode,
        Links = entry.LinkCount,
        Uid = entry.UserId,
        Gid = entry.GroupId,
        Size = entry.Size,
        Modified = entry.ModifiedAt,
        SymlinkTarget = entry.SymlinkTarget,
    };
}
