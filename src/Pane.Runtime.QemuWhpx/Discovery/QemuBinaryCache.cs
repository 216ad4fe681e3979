using System.Globalization;
using System.Text;

namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>
/// Remembers what the last inspected QEMU binary said, keyed by its path, size and modification time, in
/// <c>cache/qemu/binary.txt</c> under the Pane home, so that <c>pane runtimes</c> need not start QEMU twice each run.
/// </summary>
/// <remarks>
/// A plain <c>key=value</c> file read with a loop: JSON, LINQ and regular expressions each cost milliseconds of
/// start-up on first use. A damaged file is simply a miss.
/// </remarks>
internal sealed class QemuBinaryCache
{
    private readonly string _file;

    public QemuBinaryCache(string cacheDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        _file = Path.Combine(cacheDirectory, "qemu", "binary.txt");
    }

    public QemuBinaryInfo? TryRead(QemuBinaryStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadAllLines(_file))
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    entries[line[..equals]] = line[(equals + 1)..];
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (Read(entries, "path") != stamp.Path
            || Read(entries, "length") != stamp.Length.ToString(CultureInfo.InvariantCulture)
            || Read(entries, "mtime") != stamp.LastWriteTicks.ToString(CultureInfo.InvariantCulture)
            || !entries.TryGetValue("version", out var versionOutput)
            || !entries.TryGetValue("accelerators", out var accelerators))
        {
            return null;
        }

        var version = QemuVersion.Parse(versionOutput);
        var offered = accelerators == "?"
            ? null
            : new HashSet<string>(accelerators.Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        return new QemuBinaryInfo(version, offered);
    }

    public void Write(QemuBinaryStamp stamp, QemuBinaryInfo info)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(info);
        var text = new StringBuilder()
            .Append("path=").Append(stamp.Path).Append('\n')
            .Append("length=").Append(stamp.Length.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("mtime=").Append(stamp.LastWriteTicks.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("version=").Append(Describe(info.Version)).Append('\n')
            .Append("accelerators=").Append(info.Accelerators is null ? "?" : string.Join(',', info.Accelerators.Order(StringComparer.Ordinal))).Append('\n')
            .ToString();
        var temporary = $"{_file}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, _file, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static string? Read(Dictionary<string, string> entries, string key) =>
        entries.TryGetValue(key, out var value) ? value : null;

    private static string Describe(QemuVersion? version) => version switch
    {
        null => "?",
        { Build: null } => $"QEMU emulator version {version}",
        _ => $"QEMU emulator version {version} ({version.Build})",
    };
}
