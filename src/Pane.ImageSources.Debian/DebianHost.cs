using System.Globalization;

namespace Pane.ImageSources.Debian;

/// <summary>
/// The host files the debian source reads (apt's sources, <c>/etc/os-release</c>, <c>/etc/subuid</c>, the user
/// namespace sysctls, <c>/proc/self/status</c>) and the programs on <c>PATH</c>, under a root folder that tests
/// point at a tree of their own.
/// </summary>
internal sealed class DebianHost
{
    private readonly string _root;
    private readonly string _searchPath;

    /// <summary>Initializes a new instance of the <see cref="DebianHost"/> class.</summary>
    /// <param name="root">The folder that stands for <c>/</c>.</param>
    /// <param name="searchPath">The <c>PATH</c> to find programs on, its folders taken under <paramref name="root"/>.</param>
    public DebianHost(string root, string searchPath)
    {
        _root = root;
        _searchPath = searchPath;
    }

    /// <summary>Gets the machine this process runs on.</summary>
    public static DebianHost Current { get; } = new("/", Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin");

    /// <summary>Reads a text file.</summary>
    /// <param name="path">The absolute path on the host.</param>
    /// <returns>Its text, or <see langword="null"/> when it does not exist or cannot be read.</returns>
    public string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(Resolve(path));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Lists the files of a folder whose names end with <paramref name="extension"/>, sorted as apt reads them.</summary>
    /// <param name="folder">The absolute path of the folder on the host.</param>
    /// <param name="extension">The ending, such as <c>.list</c>.</param>
    /// <returns>The host paths of the files.</returns>
    public IReadOnlyList<string> ListFiles(string folder, string extension)
    {
        var resolved = Resolve(folder);
        if (!Directory.Exists(resolved))
        {
            return [];
        }

        return Directory.EnumerateFiles(resolved, "*" + extension)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => $"{folder.TrimEnd('/')}/{name}")
            .ToList();
    }

    /// <summary>Finds a program on the search path.</summary>
    /// <param name="name">The program's name.</param>
    /// <returns>Its host path, or <see langword="null"/> when no folder of the path has it.</returns>
    public string? FindProgram(string name)
    {
        foreach (var folder in _searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = $"{folder.TrimEnd('/')}/{name}";
            if (File.Exists(Resolve(candidate)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads the real user and group ids of this process from <c>/proc/self/status</c>.</summary>
    /// <returns>The ids, or <see langword="null"/> when the file does not say.</returns>
    public (uint UserId, uint GroupId)? ReadProcessIds()
    {
        var status = ReadText("/proc/self/status");
        if (status is null)
        {
            return null;
        }

        uint? user = null;
        uint? group = null;
        foreach (var line in status.Split('\n'))
        {
            var fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && uint.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                if (fields[0] == "Uid:")
                {
                    user = id;
                }
                else if (fields[0] == "Gid:")
                {
                    group = id;
                }
            }
        }

        return user is { } u && group is { } g ? (u, g) : null;
    }

    private string Resolve(string path) => _root == "/" ? path : Path.Join(_root, path);
}
