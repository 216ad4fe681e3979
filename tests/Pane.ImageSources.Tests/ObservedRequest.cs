using System.Globalization;

namespace Pane.ImageSources.Tests;

/// <summary>A request as <see cref="TestHttpServer"/> saw it.</summary>
/// <param name="Path">The request's path.</param>
/// <param name="Range">The <c>Range</c> header, if sent.</param>
/// <param name="IfRange">The <c>If-Range</c> header, if sent.</param>
internal sealed record ObservedRequest(string Path, string? Range, string? IfRange)
{
    /// <summary>Gets the first byte asked for by a <c>bytes=N-</c> range.</summary>
    public long? RangeStart => Range is { } range && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
        ? long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture)
        : null;

    public static ObservedRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var path = lines[0].Split(' ')[1];
        string? Header(string name) => lines.Skip(1)
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim())
            .FirstOrDefault();
        return new ObservedRequest(path, Header("Range"), Header("If-Range"));
    }
}
