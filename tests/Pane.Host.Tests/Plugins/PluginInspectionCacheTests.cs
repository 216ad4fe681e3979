using Pane.Host.Plugins;
using Pane.Plugins;
using static Pane.Host.Tests.Plugins.TestPluginNames;

namespace Pane.Host.Tests.Plugins;

public sealed class PluginInspectionCacheTests : IDisposable
{
    private static readonly Version s_hostVersion = typeof(IPanePlugin).Assembly.GetName().Version!;
    private static readonly PluginInspection s_inspection = new("Pane.TestPlugins.Good.GoodPlugin", 0x02000002, PluginContributions.RuntimeProviders);

    private readonly PluginFolder _folder = new();
    private readonly string _directory;
    private readonly PluginCandidate _candidate;

    public PluginInspectionCacheTests()
    {
        _directory = Path.Join(_folder.Root, "cache");
        _candidate = new PluginCandidate(Good, _folder.Add(Good));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Gives_back_an_inspection_remembered_by_an_earlier_process()
    {
        // Given
        RememberAndSave(_candidate);

        // When
        var found = PluginInspectionCache.Open(_directory).TryGet(_candidate, s_hostVersion, out var inspection);

        // Then
        Assert.True(found);
        Assert.Equal(s_inspection, inspection);
    }

    [Fact]
    public void Misses_once_the_plugin_file_changed()
    {
        // Given
        RememberAndSave(_candidate);
        File.AppendAllText(_candidate.Path, "\0");

        // When
        var found = PluginInspectionCache.Open(_directory).TryGet(_candidate, s_hostVersion, out _);

        // Then
        Assert.False(found);
    }

    [Fact]
    public void Misses_for_a_host_with_another_pane_abstractions_version()
    {
        // Given
        RememberAndSave(_candidate);

        // When
        var found = PluginInspectionCache.Open(_directory).TryGet(_candidate, new Version(9, 0, 0, 0), out _);

        // Then
        Assert.False(found);
    }

    [Fact]
    public void Reads_a_damaged_file_as_remembering_nothing()
    {
        // Given
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Join(_directory, "inspections.txt"), $"{_candidate.Path}\tnot-a-length\t1\t2\n\u0001\u0002 garbage");

        // When
        var found = PluginInspectionCache.Open(_directory).TryGet(_candidate, s_hostVersion, out _);

        // Then
        Assert.False(found);
    }

    [Fact]
    public void Saves_nothing_and_throws_nothing_where_its_folder_cannot_be_made()
    {
        // Given
        var blocker = Path.Join(_folder.Root, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var cache = PluginInspectionCache.Open(Path.Join(blocker, "cache"));
        cache.Remember(_candidate, s_hostVersion, s_inspection);

        // When
        cache.Save();

        // Then
        Assert.False(PluginInspectionCache.Open(Path.Join(blocker, "cache")).TryGet(_candidate, s_hostVersion, out _));
    }

    [Fact]
    public void Keeps_the_plugins_remembered_before_while_their_files_exist()
    {
        // Given
        var other = new PluginCandidate(NoEntry, _folder.Add(NoEntry, intoSecond: true));
        var gone = new PluginCandidate(DuplicateId, _folder.Add(DuplicateId, intoSecond: true));
        var earlier = PluginInspectionCache.Open(_directory);
        earlier.Remember(other, s_hostVersion, s_inspection);
        earlier.Remember(gone, s_hostVersion, s_inspection);
        earlier.Save();
        File.Delete(gone.Path);

        // When
        RememberAndSave(_candidate);

        // Then
        var text = File.ReadAllText(Path.Join(_directory, "inspections.txt"));
        Assert.Contains(_candidate.Path, text, StringComparison.Ordinal);
        Assert.Contains(other.Path, text, StringComparison.Ordinal);
        Assert.DoesNotContain(gone.Path, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_the_file_alone_when_nothing_new_was_inspected()
    {
        // Given
        RememberAndSave(_candidate);
        var file = Path.Join(_directory, "inspections.txt");
        var written = File.GetLastWriteTimeUtc(file);
        File.SetLastWriteTimeUtc(file, written.AddHours(-1));
        var cache = PluginInspectionCache.Open(_directory);
        cache.TryGet(_candidate, s_hostVersion, out _);

        // When
        cache.Save();

        // Then
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(file));
    }

    private void RememberAndSave(PluginCandidate candidate)
    {
        var cache = PluginInspectionCache.Open(_directory);
        cache.Remember(candidate, s_hostVersion, s_inspection);
        cache.Save();
    }
}
