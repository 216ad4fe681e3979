namespace Pane.ImageSources.Downloads;

/// <summary>
/// What is kept beside a <c>.partial</c> file so that a later run resumes only the same download: the same URL,
/// the same expected hash, and (through <c>If-Range</c>) the same version of the file on the server.
/// </summary>
/// <param name="Url">The URL.</param>
/// <param name="Sha256">The SHA-256 the whole file must have.</param>
/// <param name="ETag">The server's strong entity tag of the file, if it sent one.</param>
/// <param name="LastModified">The server's <c>Last-Modified</c> date of the file, if it sent one.</param>
/// <param name="TotalBytes">The size of the whole file, if the server said.</param>
internal sealed record PartialDownload(string Url, string Sha256, string? ETag, DateTimeOffset? LastModified, long? TotalBytes)
{
    /// <summary>Tells whether this record describes the download of <paramref name="url"/> to <paramref name="sha256"/>.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="sha256">The expected SHA-256.</param>
    /// <returns><see langword="true"/> when a partial file of this record can be continued.</returns>
    public bool IsFor(Uri url, string sha256) =>
        string.Equals(Url, url.AbsoluteUri, StringComparison.Ordinal) && string.Equals(Sha256, sha256, StringComparison.OrdinalIgnoreCase);
}
