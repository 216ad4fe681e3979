using Pane.Host.DiskImages.Partitions;

namespace Pane.Host.DiskImages;

/// <summary>One partition (or the whole disk) of an image, with its filesystem when Pane reads it.</summary>
/// <param name="Partition">The partition, or <see langword="null"/> for a whole disk without a table.</param>
/// <param name="FileSystem">The opened filesystem, or <see langword="null"/>.</param>
/// <param name="Problem">Why a filesystem Pane reads could not be opened, or <see langword="null"/>.</param>
internal sealed record ImageVolume(Partition? Partition, ILinuxFileSystem? FileSystem, string? Problem);
