namespace Pane.ImageSources.Debian.Build;

/// <summary>Quotes words for a POSIX shell, and for mmdebstrap's special hooks, which split words the same way.</summary>
internal static class ShellWords
{
    /// <summary>Quotes one word so that the shell reads it back unchanged.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The word in single quotes, each single quote in it written as <c>'\''</c>.</returns>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
