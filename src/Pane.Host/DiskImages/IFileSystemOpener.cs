namespace Pane.Host.DiskImages;

/// <summary>Recognizes and opens the Linux filesystems Pane reads.</summary>
internal interface IFileSystemOpener
{
    /// <summary>Opens the filesystem on a volume, if it holds one Pane reads.</summary>
    /// <param name="volume">A partition or whole disk; the filesystem owns it from then on when one is returned.</param>
    /// <returns>The filesystem, or <see langword="null"/> when the volume holds none Pane reads.</returns>
    /// <exception cref="ImageFormatException">The volume holds a filesystem Pane reads, but it is damaged.</exception>
    ILinuxFileSystem? TryOpen(Stream volume);
}
