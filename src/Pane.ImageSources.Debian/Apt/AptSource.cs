namespace Pane.ImageSources.Debian.Apt;

/// <summary>One binary-package source of apt: an archive, a suite and its components.</summary>
/// <param name="Uri">The archive's URI, as written.</param>
/// <param name="Suite">The suite, such as <c>bookworm</c> or <c>bookworm-security</c>.</param>
/// <param name="Components">The components, such as <c>main</c>.</param>
/// <param name="SignedBy">The keyring file that signs the archive, when the source names one.</param>
internal sealed record AptSource(string Uri, string Suite, IReadOnlyList<string> Components, string? SignedBy)
{
    /// <summary>Gets the source as one line of <c>sources.list</c>, as mmdebstrap takes a mirror.</summary>
    /// <param name="suite">The suite to name instead of <see cref="Suite"/>.</param>
    /// <returns>The line, such as <c>deb [signed-by=/usr/share/keyrings/k.gpg] URI bookworm main</c>.</returns>
    public string ToSourcesLine(string suite)
    {
        var options = SignedBy is null ? string.Empty : $"[signed-by={SignedBy}] ";
        return $"deb {options}{Uri} {suite} {string.Join(' ', Components)}";
    }
}
