namespace Pane.Host.DiskImages.Boot;

/// <summary>A remembered SHA-256 of a file, valid while its size and modification time stay the same.</summary>
/// <param name="Size">The file's size when it was hashed.</param>
/// <param name="ModifiedTicks">Its last write time in UTC ticks when it was hashed.</param>
/// <param name="Sha256">The lower-case hexadecimal SHA-256.</param>
internal sealed record ImageHashMemo(long Size, long ModifiedTicks, string Sha256);
