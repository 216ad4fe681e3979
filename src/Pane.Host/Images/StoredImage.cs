namespace Pane.Host.Images;

/// <summary>The metadata of an image in the store, kept as <c>image.json</c> beside the image file.</summary>
internal sealed record StoredImage
{
    /// <summary>Gets the image's name in the store, which is also its folder's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the id of the image source that acquired it (<c>arch</c>, <c>https</c>, <c>file</c>, ...).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the reference it was acquired from, as given.</summary>
    public required string Reference { get; init; }

    /// <summary>Gets the URL it was downloaded from, or the file it was imported from, if any.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the image file's name inside the image's folder.</summary>
    public required string File { get; init; }

    /// <summary>Gets the lower-case hexadecimal SHA-256 of the image file.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets the size of the image file in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets the file's format: <c>raw</c> or <c>qcow2</c>.</summary>
    public required string Format { get; init; }

    /// <summary>Gets the distribution family of its root filesystem (<c>arch</c>, <c>debian</c>, ...), if known.</summary>
    public string? Family { get; init; }

    /// <summary>Gets when it was added to the store.</summary>
    public required DateTimeOffset AddedAt { get; init; }
}
