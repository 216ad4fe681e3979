namespace Pane.Host.DiskImages.Ext4;

/// <summary>One entry of a directory: a name and the inode it links to.</summary>
/// <param name="Name">The name, decoded as UTF-8.</param>
/// <param name="Inode">The inode number.</param>
internal readonly record struct Ext4DirectoryEntry(string Name, uint Inode);
