using Pane.Host.DiskImages.Partitions;

namespace Pane.Host.DiskImages;

/// <summary>An opened image with its partition table and the filesystem of every partition Pane reads.</summary>
internal sealed class ImageVolumes : IDisposable
{
    private ImageVolumes(DiskImage image, PartitionTable table, IReadOnlyList<ImageVolume> volumes)
    {
        Image = image;
        Table = table;
        Volumes = volumes;
    }

    public DiskImage Image { get; }

    public PartitionTable Table { get; }

    public IReadOnlyList<ImageVolume> Volumes { get; }

    public IEnumerable<ImageVolume> FileSystems => Volumes.Where(volume => volume.FileSystem is not null);

    public static ImageVolumes Open(string path, IFileSystemOpener opener)
    {
        ArgumentNullException.ThrowIfNull(opener);
        var image = DiskImage.Open(path);
        var volumes = new List<ImageVolume>();
        try
        {
            var table = image.ReadPartitionTable();
            if (table.Scheme == PartitionTableScheme.None)
            {
                volumes.Add(OpenVolume(null, image.OpenContent(), opener));
            }
            else
            {
                foreach (var partition in table.Partitions)
                {
                    volumes.Add(partition.MbrType is { } type && PartitionTypeNames.IsExtended(type)
                        ? new ImageVolume(partition, null, null)
                        : OpenVolume(partition, image.OpenPartition(partition), opener));
                }
            }

            return new ImageVolumes(image, table, volumes);
        }
        catch
        {
            foreach (var volume in volumes)
            {
                volume.FileSystem?.Dispose();
            }

            image.Dispose();
            throw;
        }
    }

    /// <summary>Finds the filesystem of a partition, or of the whole disk when the number is <see langword="null"/>.</summary>
    /// <param name="partitionNumber">The partition number, or <see langword="null"/> for a disk without a table.</param>
    /// <returns>The volume.</returns>
    /// <exception cref="ImageFormatException">No such partition, or Pane does not read its filesystem.</exception>
    public ImageVolume Find(int? partitionNumber)
    {
        var volume = partitionNumber is null
            ? Volumes.FirstOrDefault(candidate => candidate.Partition is null)
            : Volumes.FirstOrDefault(candidate => candidate.Partition?.Number == partitionNumber);
        if (volume is null)
        {
            throw new ImageFormatException(
                $"The image '{Image.Path}' has no partition {partitionNumber}.",
                "Run 'pane image info' to see its partitions.");
        }

        if (volume.FileSystem is null)
        {
            throw new ImageFormatException(
                $"Partition {partitionNumber} of '{Image.Path}' holds no filesystem Pane reads{(volume.Problem is null ? string.Empty : $": {volume.Problem}")}.",
                "Choose a partition with an ext2, ext3 or ext4 filesystem.");
        }

        return volume;
    }

    public void Dispose()
    {
        foreach (var volume in Volumes)
        {
            volume.FileSystem?.Dispose();
        }

        Image.Dispose();
    }

    private static ImageVolume OpenVolume(Partition? partition, Stream stream, IFileSystemOpener opener)
    {
        try
        {
            var fileSystem = opener.TryOpen(stream);
            if (fileSystem is null)
            {
                stream.Dispose();
            }

            return new ImageVolume(partition, fileSystem, null);
        }
        catch (ImageFormatException error)
        {
            stream.Dispose();
            return new ImageVolume(partition, null, error.Message);
        }
    }
}
