namespace Pane.Machines;

/// <summary>
/// Rewrites a machine's disk image without the space its guest has freed. A runtime provider implements it beside
/// <see cref="Runtimes.IRuntimeProvider"/> when its tools can (QEMU's <c>qemu-img</c>, say); the host finds it among
/// the loaded runtime providers.
/// </summary>
public interface IDiskImageCompactor
{
    /// <summary>
    /// Compacts an image in place: writes a compact copy beside it, checks the copy holds exactly what the original
    /// holds, then renames it over the original. An interrupted compaction leaves the original untouched.
    /// </summary>
    /// <param name="imagePath">The image; no machine may be using it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The space the image took on the host's disk before and after.</returns>
    /// <exception cref="PaneException">The image could not be compacted; it is unchanged.</exception>
    Task<DiskCompaction> CompactAsync(string imagePath, CancellationToken cancellationToken);
}
