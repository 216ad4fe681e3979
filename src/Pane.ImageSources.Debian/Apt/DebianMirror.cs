namespace Pane.ImageSources.Debian.Apt;

/// <summary>Where a Debian suite is built from: the host's apt sources for it, as mmdebstrap takes them.</summary>
/// <param name="Suite">The suite to build, such as <c>bookworm</c>.</param>
/// <param name="Sources">The sources: the suite itself first, then its updates and security suites where the host has them.</param>
internal sealed record DebianMirror(string Suite, IReadOnlyList<AptSource> Sources)
{
    /// <summary>Gets the archive the suite itself comes from.</summary>
    public string PrimaryUri => Sources[0].Uri;

    /// <summary>Gets the sources as <c>sources.list</c> lines.</summary>
    public IReadOnlyList<string> Lines => Sources.Select(source => source.ToSourcesLine(source.Suite)).ToList();
}
