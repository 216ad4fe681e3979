using Pane.Desktops;
using Pane.Machines;

namespace Pane.Images;

/// <summary>A verified local image.</summary>
public sealed record AcquiredImage
{
    /// <summary>Gets the image file.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the lower-case hexadecimal SHA-256 of the file.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets the file's format.</summary>
    public required DiskFormat Format { get; init; }

    /// <summary>Gets the size of the file in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets where the image came from, if it has such a place: the URL it was downloaded from or the file it was imported from.</summary>
    public string? Origin { get; init; }

    /// <summary>Gets the distribution family of the image's root filesystem, if known.</summary>
    public DistributionFamily? Family { get; init; }
}
