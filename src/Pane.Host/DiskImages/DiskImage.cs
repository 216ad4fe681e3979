using Pane.Host.DiskImages.Partitions;
using Pane.Machines;

namespace Pane.Host.DiskImages;

/// <summary>
/// A disk image opened read-only: a raw file or a qcow2 image with its backing chain, seen as the guest sees the
/// disk. Reading a part of it reads only that part of the files.
/// </summary>
public sealed class DiskImage : IDisposable
{
    private readonly ReadOnlyDiskStream _content;
    private bool _disposed;

    private DiskImage(string path, DiskFormat format, ReadOnlyDiskStream content, IReadOnlyList<string> backingChain)
    {
        Path = path;
        Format = format;
        _content = content;
        BackingChain = backingChain;
    }

    /// <summary>Gets the image file's full path.</summary>
    public string Path { get; }

    /// <summary>Gets the image file's format.</summary>
    public DiskFormat Format { get; }

    /// <summary>Gets the size of the disk the guest sees, in bytes.</summary>
    public long VirtualSize => _content.Length;

    /// <summary>Gets the full paths of the backing files, nearest first; empty when there are none.</summary>
    public IReadOnlyList<string> BackingChain { get; }

    /// <summary>Opens an image file, detecting raw or qcow2, with its backing files.</summary>
    /// <param name="path">The image file.</param>
    /// <returns>The opened image; dispose it to close the files.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The image file does not exist.</exception>
    /// <exception cref="ImageFormatException">
    /// The image is damaged, uses a feature Pane does not read (encryption, external data files, extended L2, zstd),
    /// or its backing chain is missing, loops, or is deeper than 16 files.
    /// </exception>
    public static DiskImage Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var chain = new List<string>();
        var content = DiskImageLayers.Open(path, null, chain, out var format);
        return new DiskImage(chain[0], format, content, chain.Skip(1).ToArray());
    }

    /// <summary>Opens the whole disk as a stream with a position of its own.</summary>
    /// <returns>A read-only, seekable stream of <see cref="VirtualSize"/> bytes; disposing it leaves the image open.</returns>
    /// <exception cref="ObjectDisposedException">The image is disposed.</exception>
    public Stream OpenContent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new DiskStreamSlice(_content, 0, _content.Length);
    }

    /// <summary>Reads the disk's partition table.</summary>
    /// <returns>The partitions, or an empty table when the disk holds a bare filesystem.</returns>
    /// <exception cref="ImageFormatException">The partition table is damaged beyond what its backup repairs.</exception>
    /// <exception cref="ObjectDisposedException">The image is disposed.</exception>
    public PartitionTable ReadPartitionTable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return PartitionTableReader.Read(_content, Path);
    }

    /// <summary>Opens one partition as a stream with a position of its own.</summary>
    /// <param name="partition">A partition of this image's table.</param>
    /// <returns>A read-only, seekable stream of the partition's bytes; disposing it leaves the image open.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ImageFormatException">The partition does not lie inside the disk.</exception>
    /// <exception cref="ObjectDisposedException">The image is disposed.</exception>
    public Stream OpenPartition(Partition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (partition.Offset < 0 || partition.Size < 0 || partition.Offset > _content.Length - partition.Size)
        {
            throw new ImageFormatException(
                $"Partition {partition.Number} of '{Path}' ({partition.Offset}+{partition.Size} bytes) does not lie inside the disk of {_content.Length} bytes.",
                "Repair the partition table with fdisk or sfdisk.");
        }

        return new DiskStreamSlice(_content, partition.Offset, partition.Size);
    }

    /// <summary>Opens the ext2, ext3 or ext4 filesystem of a partition, or of the whole disk.</summary>
    /// <param name="partition">A partition of this image's table, or <see langword="null"/> for a disk without a table.</param>
    /// <returns>The filesystem; dispose it when done (the image stays open).</returns>
    /// <exception cref="ImageFormatException">
    /// The partition lies outside the disk, holds no filesystem Pane reads, or its filesystem is damaged.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The image is disposed.</exception>
    public ILinuxFileSystem OpenFileSystem(Partition? partition)
    {
        var volume = partition is null ? OpenContent() : OpenPartition(partition);
        try
        {
            return new ExtFileSystemOpener().TryOpen(volume) ?? throw new ImageFormatException(
                $"{(partition is null ? "The disk" : $"Partition {partition.Number}")} of '{Path}' holds no ext2, ext3 or ext4 filesystem.",
                "Choose a partition with a Linux filesystem; 'pane image info' lists them.");
        }
        catch
        {
            volume.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        _content.Dispose();
    }
}
