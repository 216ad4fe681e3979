using System.Security.Cryptography;

namespace Pane.ImageSources.Downloads;

/// <summary>SHA-256 values as Pane writes them: 64 lower-case hexadecimal digits.</summary>
internal static class Sha256Hex
{
    /// <summary>Finishes a hash.</summary>
    /// <param name="hash">The hash.</param>
    /// <returns>Its value in lower-case hexadecimal.</returns>
    public static string Finish(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    /// <summary>Tells whether a text is a SHA-256 in hexadecimal, in either case.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> for 64 hexadecimal digits.</returns>
    public static bool IsValid(string? text) => text is { Length: 64 } && text.All(Uri.IsHexDigit);
}
