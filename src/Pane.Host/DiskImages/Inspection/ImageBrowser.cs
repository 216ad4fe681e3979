using System.Globalization;
using Pane.Host.DiskImages.Boot;
using Pane.Host.DiskImages.Ext4;

namespace Pane.Host.DiskImages.Inspection;

/// <summary>
/// The engine behind <c>pane image info|ls|cat|extract</c>: describes an image, and lists and reads files of its
/// root filesystem or of a chosen partition.
/// </summary>
internal sealed class ImageBrowser
{
    private readonly IFileSystemOpener _opener;

    public ImageBrowser(IFileSystemOpener opener)
    {
        _opener = opener;
    }

    public ImageSummary Describe(string imagePath)
    {
        using var volumes = Open(imagePath);
        BootSummary? boot = null;
        string? bootProblem = null;
        try
        {
            var artifacts = BootArtifactLocator.Locate(volumes, out _);
            boot = new BootSummary
            {
                Kernel = artifacts.KernelPath,
                Initramfs = artifacts.InitramfsPath,
                KernelVersion = artifacts.KernelVersion,
                RootPartition = artifacts.RootPartitionNumber,
                BootPartition = artifacts.BootPartitionNumber,
                RootArgument = artifacts.RootArgument,
                Family = artifacts.Family?.Name,
                Distribution = artifacts.DistributionName ?? artifacts.DistributionId,
            };
        }
        catch (ImageFormatException error)
        {
            bootProblem = error.Message;
        }

        var bare = volumes.Volumes.FirstOrDefault(volume => volume.Partition is null);
        return new ImageSummary
        {
            Path = volumes.Image.Path,
            Format = volumes.Image.Format.ToString().ToLowerInvariant(),
            VirtualSize = volumes.Image.VirtualSize,
            BackingChain = volumes.Image.BackingChain,
            PartitionTable = volumes.Table.Scheme.ToString().ToLowerInvariant(),
            DiskId = volumes.Table.DiskId,
            Warnings = volumes.Table.Warnings,
            Partitions = volumes.Volumes.Where(volume => volume.Partition is not null).Select(Summarize).ToList(),
            FileSystem = bare?.FileSystem is { } fileSystem ? FileSystemSummary.From(fileSystem) : null,
            Boot = boot,
            BootProblem = bootProblem,
        };
    }

    public IReadOnlyList<FileSystemEntry> List(string imagePath, string path, int? partition)
    {
        using var volumes = Open(imagePath);
        var fileSystem = Choose(volumes, partition);
        var entry = fileSystem.GetEntry(path) ?? throw NotFound(imagePath, path);
        return entry.Kind == FileSystemEntryKind.Directory ? fileSystem.ListDirectory(path) : [entry];
    }

    public async Task CopyToAsync(string imagePath, string path, int? partition, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var volumes = Open(imagePath);
        var source = OpenFile(volumes, imagePath, path, partition);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(output, 1024 * 1024, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<long> ExtractAsync(string imagePath, string path, int? partition, string outputFile, CancellationToken cancellationToken)
    {
        using var volumes = Open(imagePath);
        var source = OpenFile(volumes, imagePath, path, partition);
        await using (source.ConfigureAwait(false))
        {
            if (source is Ext4FileStream file)
            {
                // Run by run, straight from the image file where it holds the bytes as they are.
                AtomicFile.Write(outputFile, target => file.CopyTo(target, cancellationToken));
            }
            else
            {
                await AtomicFile.CopyAsync(source, outputFile, cancellationToken).ConfigureAwait(false);
            }

            return source.Length;
        }
    }

    private ImageVolumes Open(string imagePath)
    {
        if (!File.Exists(imagePath))
        {
            throw new PaneException($"The image '{imagePath}' does not exist.", "Give the path of a raw or qcow2 disk image file.");
        }

        return ImageVolumes.Open(imagePath, _opener);
    }

    private static Stream OpenFile(ImageVolumes volumes, string imagePath, string path, int? partition)
    {
        var fileSystem = Choose(volumes, partition);
        var entry = fileSystem.GetEntry(path) ?? throw NotFound(imagePath, path);
        if (entry.Kind != FileSystemEntryKind.File)
        {
            throw new ImageFormatException(
                $"'{path}' in '{imagePath}' is a {entry.Kind.ToString().ToLowerInvariant()}, not a regular file.",
                "Give the path of a regular file; 'pane image ls' shows what a folder holds.");
        }

        return fileSystem.OpenFile(path);
    }

    private static ILinuxFileSystem Choose(ImageVolumes volumes, int? partition)
    {
        if (partition is null && volumes.Table.Scheme != Partitions.PartitionTableScheme.None)
        {
            return BootArtifactLocator.FindRoot(volumes).FileSystem!;
        }

        return volumes.Find(partition).FileSystem!;
    }

    private static PartitionSummary Summarize(ImageVolume volume)
    {
        var partition = volume.Partition!;
        return new PartitionSummary
        {
            Number = partition.Number,
            Type = partition.TypeGuid?.ToString() ?? string.Create(CultureInfo.InvariantCulture, $"0x{partition.MbrType:x2}"),
            TypeName = partition.TypeName,
            Name = partition.Name,
            PartUuid = partition.UniqueId,
            Offset = partition.Offset,
            Size = partition.Size,
            FileSystem = volume.FileSystem is { } fileSystem ? FileSystemSummary.From(fileSystem) : null,
            Problem = volume.Problem,
        };
    }

    private static PaneException NotFound(string imagePath, string path) =>
        new(
            $"'{path}' does not exist in the root filesystem of '{imagePath}'.",
            "Check the path with 'pane image ls', or choose another partition with --partition.");
}
