namespace Pane.ImageSources.Debian.Apt;

/// <summary>
/// Picks the host's Debian archive from apt's sources (<c>/etc/apt/sources.list</c> and the <c>*.list</c> and
/// <c>*.sources</c> files of <c>/etc/apt/sources.list.d</c>): the sources of the host's own release
/// (<c>VERSION_CODENAME</c> of <c>/etc/os-release</c>) with the <c>main</c> component, and that release's
/// <c>-updates</c> and <c>-security</c> suites. Third-party sources, whose suites are not the release's, are left
/// out. No archive host name is built in: the image comes from wherever the host's apt gets Debian.
/// </summary>
internal static class DebianMirrorResolver
{
    private const string MainComponent = "main";
    private static readonly string[] s_companionSuffixes = ["-updates", "-security"];

    /// <summary>Reads the host's sources and picks the mirror for a suite.</summary>
    /// <param name="host">The host whose files are read.</param>
    /// <param name="suite">The suite to build, or <see langword="null"/> for the host's own release.</param>
    /// <returns>The mirror.</returns>
    /// <exception cref="PaneException">The host is not Debian or its apt sources have no Debian archive.</exception>
    public static DebianMirror Resolve(DebianHost host, string? suite)
    {
        ArgumentNullException.ThrowIfNull(host);
        var release = OsRelease(host);
        var sources = ReadSources(host);
        return Choose(sources, NonEmpty(release, "VERSION_CODENAME"), suite, NonEmpty(release, "PRETTY_NAME"), NonEmpty(release, "ID"));
    }

    /// <summary>Picks the mirror for a suite among sources.</summary>
    /// <param name="sources">The host's binary sources, in apt's order.</param>
    /// <param name="hostRelease">The host's release codename, if known.</param>
    /// <param name="suite">The suite to build, or <see langword="null"/> for the host's own release.</param>
    /// <param name="hostName">The host system's name, for messages.</param>
    /// <param name="hostId">The host system's <c>ID</c> from <c>/etc/os-release</c>.</param>
    /// <returns>The mirror.</returns>
    /// <exception cref="PaneException">The host is not Debian or no source serves its release.</exception>
    public static DebianMirror Choose(IReadOnlyList<AptSource> sources, string? hostRelease, string? suite, string? hostName, string? hostId)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (hostId is not null && !string.Equals(hostId, "debian", StringComparison.Ordinal))
        {
            throw new PaneException(
                $"The debian image source builds from a Debian apt archive, and this host runs {hostName ?? hostId}.",
                "Use another image source (pane image pull arch, or a file: or https: image) on this host.");
        }

        var withMain = sources.Where(source => source.Components.Contains(MainComponent)).ToList();
        var release = hostRelease
            ?? withMain.FirstOrDefault(source => !source.Suite.Contains('-', StringComparison.Ordinal) && !source.Suite.Contains('/', StringComparison.Ordinal))?.Suite;
        var primary = withMain.FirstOrDefault(source => source.Suite == release);
        if (release is null || primary is null)
        {
            throw new PaneException(
                $"No apt source in /etc/apt/sources.list or /etc/apt/sources.list.d serves Debian{(release is null ? string.Empty : " " + release)} with its main component.",
                "Add the Debian archive of this release to apt's sources (as the installer does), run 'sudo apt-get update', and try again.");
        }

        var target = suite ?? release;
        var chosen = new List<AptSource> { Only(primary, target) };
        if (target == release)
        {
            foreach (var suffix in s_companionSuffixes)
            {
                if (withMain.FirstOrDefault(source => source.Suite == release + suffix) is { } companion)
                {
                    chosen.Add(Only(companion, target + suffix));
                }
            }
        }

        return new DebianMirror(target, chosen);
    }

    private static string? NonEmpty(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static AptSource Only(AptSource source, string suite) => source with { Suite = suite, Components = [MainComponent] };

    private static List<AptSource> ReadSources(DebianHost host)
    {
        var sources = new List<AptSource>();
        if (host.ReadText("/etc/apt/sources.list") is { } main)
        {
            sources.AddRange(AptSourcesParser.ParseList(main));
        }

        foreach (var file in host.ListFiles("/etc/apt/sources.list.d", ".list"))
        {
            sources.AddRange(AptSourcesParser.ParseList(host.ReadText(file) ?? string.Empty));
        }

        foreach (var file in host.ListFiles("/etc/apt/sources.list.d", ".sources"))
        {
            sources.AddRange(AptSourcesParser.ParseDeb822(host.ReadText(file) ?? string.Empty));
        }

        return sources;
    }

    private static Dictionary<string, string> OsRelease(DebianHost host)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = host.ReadText("/etc/os-release") ?? host.ReadText("/usr/lib/os-release") ?? string.Empty;
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"', '\'');
            }
        }

        return values;
    }
}
