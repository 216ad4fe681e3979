namespace Pane.Host.DiskImages;

/// <summary>What a filesystem entry is.</summary>
public enum FileSystemEntryKind
{
    /// <summary>A regular file.</summary>
    File,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link.</summary>
    SymbolicLink,

    /// <summary>A character device.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A socket.</summary>
    Socket,
}
