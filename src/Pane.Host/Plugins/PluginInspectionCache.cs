using System.Globalization;
using System.Text;
using Pane.Host.DiskImages;
using Pane.Plugins;

namespace Pane.Host.Plugins;

/// <summary>
/// Remembers what the metadata of each plugin assembly said, by the file's path, length and last write time and the
/// host's Pane.Abstractions version, so that an unchanged plugin is not read again on every command: loading the
/// metadata reader and parsing the first plugin cost some 5 ms of every command's start-up. Only plugins that may
/// be loaded are remembered; a rejected one is inspected again each time, so its error is always current.
/// </summary>
/// <remarks>
/// A plain tab-separated file read with a loop and written through <see cref="AtomicFile"/>; a damaged or
/// unreadable file is a miss, and one that cannot be written is skipped, never an error.
/// </remarks>
internal sealed class PluginInspectionCache
{
    private const string FileName = "inspections.txt";
    private const char Separator = '\t';

    private readonly string? _directory;
    private readonly Dictionary<string, Entry> _remembered;
    private readonly Dictionary<string, Entry> _seen = new(StringComparer.Ordinal);
    private bool _changed;

    private PluginInspectionCache(string? directory, Dictionary<string, Entry> remembered)
    {
        _directory = directory;
        _remembered = remembered;
    }

    /// <summary>Gets a cache that remembers nothing between processes.</summary>
    public static PluginInspectionCache InMemory => new(null, new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>Opens the cache kept in a folder, reading what it remembers.</summary>
    /// <param name="directory">The folder of the cache file; it need not exist.</param>
    /// <returns>The cache.</returns>
    public static PluginInspectionCache Open(string directory) => new(directory, Read(Path.Join(directory, FileName)));

    /// <summary>Finds the remembered inspection of a plugin whose file is unchanged since.</summary>
    /// <param name="candidate">The plugin.</param>
    /// <param name="hostAbstractionsVersion">The version of the host's Pane.Abstractions assembly.</param>
    /// <param name="inspection">The remembered inspection, when there is one.</param>
    /// <returns>Whether an inspection was remembered for this file and host.</returns>
    public bool TryGet(PluginCandidate candidate, Version hostAbstractionsVersion, out PluginInspection inspection)
    {
        inspection = PluginInspection.Empty;
        if (!_remembered.TryGetValue(candidate.Path, out var entry)
            || entry.HostVersion != hostAbstractionsVersion.ToString()
            || Stamp(candidate.Path) is not { } stamp
            || stamp != entry.Stamp)
        {
            return false;
        }

        _seen[candidate.Path] = entry;
        inspection = entry.Inspection;
        return true;
    }

    /// <summary>Remembers the inspection of a plugin that may be loaded.</summary>
    /// <param name="candidate">The plugin.</param>
    /// <param name="hostAbstractionsVersion">The version of the host's Pane.Abstractions assembly.</param>
    /// <param name="inspection">What its metadata said.</param>
    public void Remember(PluginCandidate candidate, Version hostAbstractionsVersion, PluginInspection inspection)
    {
        if (Stamp(candidate.Path) is not { } stamp || !IsStorable(candidate.Path) || !IsStorable(inspection.EntryTypeName))
        {
            return;
        }

        _seen[candidate.Path] = new Entry(stamp, hostAbstractionsVersion.ToString(), inspection);
        _changed = true;
    }

    /// <summary>
    /// Writes the cache when an inspection was remembered: the plugins seen now, and those remembered before whose
    /// files still exist.
    /// </summary>
    public void Save()
    {
        if (!_changed || _directory is null)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var (path, entry) in _seen)
        {
            Append(text, path, entry);
        }

        foreach (var (path, entry) in _remembered)
        {
            if (!_seen.ContainsKey(path) && File.Exists(path))
            {
                Append(text, path, entry);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        try
        {
            AtomicFile.Write(Path.Join(_directory, FileName), file => RandomAccess.Write(file, bytes, 0));
            _changed = false;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written is only a slower next start.
        }
    }

    private static Dictionary<string, Entry> Read(string path)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return entries;
        }

        foreach (var line in lines)
        {
            var fields = line.Split(Separator);
            if (fields.Length == 7
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var token)
                && int.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var contributions))
            {
                var inspection = new PluginInspection(fields[6].Length == 0 ? null : fields[6], token, (PluginContributions)contributions);
                entries[fields[0]] = new Entry(new FileStamp(length, ticks), fields[3], inspection);
            }
        }

        return entries;
    }

    private static void Append(StringBuilder text, string path, Entry entry) =>
        text.Append(path).Append(Separator)
            .Append(entry.Stamp.Length.ToString(CultureInfo.InvariantCulture)).Append(Separator)
            .Append(entry.Stamp.LastWriteTicks.ToString(CultureInfo.InvariantCulture)).Append(Separator)
            .Append(entry.HostVersion).Append(Separator)
            .Append(entry.Inspection.EntryTypeToken.ToString(CultureInfo.InvariantCulture)).Append(Separator)
            .Append(((int)entry.Inspection.Contributions).ToString(CultureInfo.InvariantCulture)).Append(Separator)
            .Append(entry.Inspection.EntryTypeName).Append('\n');

    private static FileStamp? Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc.Ticks) : null;
    }

    private static bool IsStorable(string? text) =>
        text is null || text.AsSpan().IndexOfAny(Separator, '\n', '\r') < 0;

    private readonly record struct FileStamp(long Length, long LastWriteTicks);

    private sealed record Entry(FileStamp Stamp, string HostVersion, PluginInspection Inspection);
}
