using Pane.Platform;

namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>
/// Finds <c>qemu-system-x86_64</c>: the file named by <c>PANE_QEMU</c>, then a copy bundled next to the host
/// (<c>qemu/</c> in the host's folder), then <c>PATH</c>, then <c>%ProgramFiles%\qemu</c> on Windows.
/// </summary>
internal sealed class QemuLocator
{
    /// <summary>The environment variable that names the executable to use.</summary>
    public const string EnvironmentVariable = "PANE_QEMU";

    private const string ExecutableName = "qemu-system-x86_64";

    private readonly IHostPlatform _platform;

    public QemuLocator(IHostPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        _platform = platform;
    }

    private bool IsWindows => _platform.OperatingSystem == HostOperatingSystem.Windows;

    private string FileName => IsWindows ? ExecutableName + ".exe" : ExecutableName;

    public QemuSearchResult Locate()
    {
        var searched = new List<string>();
        var configured = _platform.GetEnvironmentVariable(EnvironmentVariable);
        if (configured is not null)
        {
            searched.Add(configured);
            return IsExecutableFile(configured)
                ? new QemuSearchResult(new QemuLocation(Path.GetFullPath(configured), QemuSource.EnvironmentVariable), searched)
                : new QemuSearchResult(null, searched, $"{EnvironmentVariable} names '{configured}', which is not an executable file.");
        }

        foreach (var (candidate, source) in Candidates())
        {
            searched.Add(candidate);
            if (IsExecutableFile(candidate))
            {
                return new QemuSearchResult(new QemuLocation(candidate, source), searched);
            }
        }

        return new QemuSearchResult(null, searched);
    }

    private IEnumerable<(string Path, QemuSource Source)> Candidates()
    {
        yield return (Path.Combine(_platform.HostDirectory, "qemu", FileName), QemuSource.Bundled);
        foreach (var folder in SearchPathFolders())
        {
            yield return (Path.Combine(folder, FileName), QemuSource.SearchPath);
        }

        if (IsWindows)
        {
            var programFiles = _platform.GetEnvironmentVariable("ProgramFiles") ?? @"C:\Program Files";
            yield return (Path.Combine(programFiles, "qemu", FileName), QemuSource.ProgramFiles);
        }
    }

    private IEnumerable<string> SearchPathFolders()
    {
        var path = _platform.GetEnvironmentVariable("PATH");
        if (path is null)
        {
            return [];
        }

        var separator = IsWindows ? ';' : ':';
        return path.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(folder => folder.Trim('"'))
            .Where(Path.IsPathRooted)
            .Distinct(StringComparer.Ordinal);
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
