using Pane.Images;

namespace Pane.Host.Images;

/// <summary>The rules for image names in the store, and the name an image gets when none is given.</summary>
internal static class ImageNames
{
    private static readonly string[] s_imageExtensions = [".qcow2", ".img", ".raw", ".disk"];

    /// <summary>Tells whether a text can name an image: up to 64 letters, digits, '-', '_' or '.', not starting with '.'.</summary>
    /// <param name="name">The text.</param>
    /// <returns><see langword="true"/> when it can.</returns>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= 64
        && !name.StartsWith('.')
        && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.');

    /// <summary>Throws unless <paramref name="name"/> is valid.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="PaneException">It is not.</exception>
    public static string Require(string name) => IsValid(name)
        ? name
        : throw new PaneException($"'{name}' is not an image name.", "Use up to 64 letters, digits, '-', '_' or '.', not starting with '.'.");

    /// <summary>Derives a name from a reference: a bare source's name (<c>arch</c>), else the file name without its extension.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>A valid name.</returns>
    public static string Derive(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Location.Length == 0)
        {
            return Sanitize(reference.Scheme);
        }

        var location = reference.Location.Split('?', '#')[0].TrimEnd('/', '\\');
        var file = location[(location.LastIndexOfAny(['/', '\\']) + 1)..];
        foreach (var extension in s_imageExtensions)
        {
            if (file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                file = file[..^extension.Length];
                break;
            }
        }

        return Sanitize(Uri.UnescapeDataString(file));
    }

    private static string Sanitize(string text)
    {
        var safe = new string([.. text.Select(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' ? character : '-')]).TrimStart('.');
        if (safe.Length > 64)
        {
            safe = safe[..64];
        }

        return safe.Length == 0 ? "image" : safe;
    }
}
