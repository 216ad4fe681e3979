namespace Pane.Host.DiskImages;

/// <summary>An entry of a Linux filesystem, as <c>ls -l</c> shows it.</summary>
public sealed record FileSystemEntry
{
    /// <summary>Gets the entry's name in its directory (<c>/</c> for the root).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the entry's absolute path.</summary>
    public required string Path { get; init; }

    /// <summary>Gets what the entry is.</summary>
    public required FileSystemEntryKind Kind { get; init; }

    /// <summary>Gets the inode number.</summary>
    public required ulong Inode { get; init; }

    /// <summary>Gets the permission bits, including set-uid, set-gid and sticky.</summary>
    public required UnixFileMode Permissions { get; init; }

    /// <summary>Gets the owner's user id.</summary>
    public required uint UserId { get; init; }

    /// <summary>Gets the owner's group id.</summary>
    public required uint GroupId { get; init; }

    /// <summary>Gets the size in bytes (the apparent size: holes count).</summary>
    public required long Size { get; init; }

    /// <summary>Gets the number of hard links.</summary>
    public required int LinkCount { get; init; }

    /// <summary>Gets the last modification time.</summary>
    public required DateTimeOffset ModifiedAt { get; init; }

    /// <summary>Gets the target of a symbolic link, or <see langword="null"/> for other kinds.</summary>
    public string? SymlinkTarget { get; init; }
}
