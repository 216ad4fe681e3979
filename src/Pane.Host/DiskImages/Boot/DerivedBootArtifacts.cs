namespace Pane.Host.DiskImages.Boot;

/// <summary>Boot artifacts taken out of an image into the boot cache, ready to hand to a runtime.</summary>
public sealed record DerivedBootArtifacts
{
    /// <summary>Gets the cache key: the image's SHA-256, or with backing files the SHA-256 of the chain's hashes.</summary>
    public required string ImageSha256 { get; init; }

    /// <summary>Gets the cache folder, <c>PANE_HOME/cache/boot/&lt;key&gt;</c>.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Gets the extracted kernel file.</summary>
    public required string KernelFile { get; init; }

    /// <summary>Gets the extracted initramfs file, or <see langword="null"/> when the kernel has none.</summary>
    public string? InitramfsFile { get; init; }

    /// <summary>Gets what was chosen from the image.</summary>
    public required BootArtifacts Artifacts { get; init; }

    /// <summary>Gets whether the result came from the cache, without opening the image.</summary>
    public required bool FromCache { get; init; }

    /// <summary>
    /// Gets what the image's reader worked around and the user should hear of, such as a damaged primary GPT header
    /// read from its backup; kept in the cache, so a cached result repeats them. Empty when there is nothing.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
