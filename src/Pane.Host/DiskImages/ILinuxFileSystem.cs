namespace Pane.Host.DiskImages;

/// <summary>A read-only view of a Linux filesystem inside a disk image.</summary>
/// <remarks>Paths are absolute, with <c>/</c> separators; symbolic links in them are followed.</remarks>
public interface ILinuxFileSystem : IDisposable
{
    /// <summary>Gets the filesystem type, such as <c>ext4</c>.</summary>
    string Type { get; }

    /// <summary>Gets the volume label, if any.</summary>
    string? Label { get; }

    /// <summary>Gets the filesystem UUID, if any.</summary>
    Guid? Uuid { get; }

    /// <summary>Gets the names of the features the filesystem uses.</summary>
    IReadOnlyList<string> Features { get; }

    /// <summary>Looks up an entry.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="followFinalSymlink">Whether a symbolic link at the end of the path is followed.</param>
    /// <returns>The entry, or <see langword="null"/> when the path does not exist.</returns>
    /// <exception cref="ImageFormatException">The filesystem is damaged where the lookup went.</exception>
    FileSystemEntry? GetEntry(string path, bool followFinalSymlink = true);

    /// <summary>Lists a directory, without <c>.</c> and <c>..</c>.</summary>
    /// <param name="path">The directory's absolute path.</param>
    /// <returns>Its entries, in the order the directory stores them.</returns>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="ImageFormatException">The filesystem is damaged, or the path is not a directory.</exception>
    IReadOnlyList<FileSystemEntry> ListDirectory(string path);

    /// <summary>Opens a regular file for reading.</summary>
    /// <param name="path">The file's absolute path.</param>
    /// <returns>A read-only, seekable stream of the file's bytes; holes read as zeros.</returns>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="ImageFormatException">The filesystem is damaged, or the path is not a regular file.</exception>
    Stream OpenFile(string path);
}
