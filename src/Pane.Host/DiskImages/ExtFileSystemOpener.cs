using System.Buffers.Binary;
using Pane.Host.DiskImages.Ext4;

namespace Pane.Host.DiskImages;

/// <summary>Opens ext2, ext3 and ext4 filesystems, recognized by the superblock magic 0xEF53.</summary>
internal sealed class ExtFileSystemOpener : IFileSystemOpener
{
    private const int MagicOffset = 1024 + 56;

    public ILinuxFileSystem? TryOpen(Stream volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (volume.Length < MagicOffset + 2)
        {
            return null;
        }

        Span<byte> magic = stackalloc byte[2];
        volume.Position = MagicOffset;
        volume.ReadExactly(magic);
        volume.Position = 0;
        return BinaryPrimitives.ReadUInt16LittleEndian(magic) == 0xef53 ? Ext4FileSystem.Open(volume) : null;
    }
}
