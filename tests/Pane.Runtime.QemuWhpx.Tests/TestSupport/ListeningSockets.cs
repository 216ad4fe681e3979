using System.Globalization;

namespace Pane.Runtime.QemuWhpx.Tests.TestSupport;

/// <summary>The TCP sockets a process listens on, read from <c>/proc</c>: its socket inodes matched against <c>/proc/net/tcp</c> and <c>tcp6</c>.</summary>
internal static class ListeningSockets
{
    /// <summary>Lists (local address in /proc's hex form, port) of every listening TCP socket the process owns.</summary>
    public static IReadOnlyList<(string Address, int Port)> Of(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        var found = new List<(string, int)>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                const string Listen = "0A";
                if (fields.Length > 9 && fields[3] == Listen && inodes.Contains(fields[9]))
                {
                    var local = fields[1].Split(':');
                    found.Add((local[0], int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                }
            }
        }

        return found;
    }
}
