using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Ext4;

namespace Pane.Host.Tests.DiskImages.Ext4;

/// <summary>Every directory and every file of every corpus image, compared with what debugfs reads.</summary>
public sealed class Ext4FileSystemCorpusTests
{
    private const long DumpLimit = 256L << 20;

    public static TheoryData<string> Images => [.. Ext4Fixtures.CorpusNames];

    /// <summary>The images made from the common tree, with its six symbolic links (the htree image has none).</summary>
    public static TheoryData<string> ImagesWithLinks => [.. Ext4Fixtures.CorpusNames.Where(name => name != "ext4-4k-htree")];

    [Theory]
    [MemberData(nameof(Images))]
    public void Lists_every_directory_as_debugfs_does(string image)
    {
        // Given
        var path = Ext4Fixtures.CorpusImage(image);
        using var fileSystem = Ext4FileSystem.Open(File.OpenRead(path));

        // When
        var directories = Walk(fileSystem).Where(entry => entry.Kind == FileSystemEntryKind.Directory).ToList();

        // Then
        foreach (var directory in directories.Prepend(fileSystem.GetEntry("/")!))
        {
            var expected = ParseDebugfsListing(Ext4Fixtures.Debugfs(path, $"ls -p \"{directory.Path}\""));
            var actual = fileSystem.ListDirectory(directory.Path)
                .Select(entry => Describe(entry))
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Reads_every_file_byte_for_byte_as_debugfs_dumps_it(string image)
    {
        // Given
        var path = Ext4Fixtures.CorpusImage(image);
        using var fileSystem = Ext4FileSystem.Open(File.OpenRead(path));

        // When / Then
        AssertEveryFileMatchesDebugfs(path, fileSystem);
    }

    [Theory]
    [MemberData(nameof(ImagesWithLinks))]
    public void Reads_every_symbolic_link_target_as_debugfs_shows_it(string image)
    {
        // Given
        var path = Ext4Fixtures.CorpusImage(image);
        using var fileSystem = Ext4FileSystem.Open(File.OpenRead(path));
        var links = Walk(fileSystem).Where(entry => entry.Kind == FileSystemEntryKind.SymbolicLink).ToList();
        var blockSize = int.Parse(Ext4Fixtures.DebugfsField(path, "stats", @"Block size:\s+(\d+)"), CultureInfo.InvariantCulture);

        // When / Then
        Assert.True(links.Count >= 6, $"{image} has only {links.Count} symbolic links.");
        foreach (var link in links)
        {
            Assert.Equal(DebugfsSymlinkTarget(path, link.Path, blockSize), link.SymlinkTarget);
        }
    }

    /// <summary>
    /// Gets a symbolic link's target as debugfs sees it: the "Fast link dest" of <c>stat</c> for a link in the inode
    /// (or its inline data), else i_size bytes of the block <c>stat</c> lists, read straight from the image.
    /// </summary>
    private static string DebugfsSymlinkTarget(string image, string link, int blockSize)
    {
        var stat = Ext4Fixtures.Debugfs(image, $"stat \"{link}\"");
        var fast = Regex.Match(stat, "^Fast link dest: \"(.*)\"$", RegexOptions.Multiline);
        if (fast.Success)
        {
            return fast.Groups[1].Value;
        }

        var size = int.Parse(Regex.Match(stat, @"\bSize: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var block = Regex.Match(stat, @"^\(0\):(\d+)$", RegexOptions.Multiline);
        Assert.True(block.Success, $"debugfs shows neither a fast target nor a block for {link}:\n{stat}");
        using var file = File.OpenRead(image);
        file.Position = long.Parse(block.Groups[1].Value, CultureInfo.InvariantCulture) * blockSize;
        var target = new byte[size];
        file.ReadExactly(target);
        return Encoding.UTF8.GetString(target);
    }

    /// <summary>
    /// Walks a filesystem and compares every regular file byte for byte with debugfs's dump of the same path in a
    /// bare corpus image: dumped in one debugfs run up to <see cref="DumpLimit"/>, streamed by <c>debugfs cat</c> above.
    /// </summary>
    internal static void AssertEveryFileMatchesDebugfs(string corpusImage, ILinuxFileSystem fileSystem)
    {
        var files = Walk(fileSystem).Where(entry => entry.Kind == FileSystemEntryKind.File).ToList();
        var scratch = Ext4Fixtures.NewScratchFolder();
        try
        {
            var small = files.Where(file => file.Size <= DumpLimit).ToList();
            var requests = Path.Combine(scratch, "requests");
            File.WriteAllLines(requests, small.Select((file, i) => $"dump -p \"{file.Path}\" {Path.Combine(scratch, i.ToString(CultureInfo.InvariantCulture))}"));
            Ext4Fixtures.DebugfsScript(corpusImage, requests);

            Assert.NotEmpty(files);
            for (var i = 0; i < small.Count; i++)
            {
                var dump = Path.Combine(scratch, i.ToString(CultureInfo.InvariantCulture));
                using var expected = OpenDump(dump, small[i]);
                using var actual = fileSystem.OpenFile(small[i].Path);
                AssertSameBytes(expected, actual, small[i].Path);
            }

            foreach (var large in files.Where(file => file.Size > DumpLimit))
            {
                using var debugfs = StartDebugfsCat(corpusImage, large.Path);
                using var actual = fileSystem.OpenFile(large.Path);
                AssertSameBytes(debugfs.StandardOutput.BaseStream, actual, large.Path);
                debugfs.WaitForExit();
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// Opens debugfs's dump of a file. debugfs 1.47 dumps an inline-data file shorter than <c>i_block</c> (60 bytes)
    /// as all 60 bytes of <c>i_block</c>; Linux reads <c>i_size</c> bytes, and so does Pane: compare that prefix.
    /// </summary>
    private static MemoryStream OpenDump(string dump, FileSystemEntry file)
    {
        var bytes = File.ReadAllBytes(dump);
        if (bytes.Length == 60 && file.Size < 60)
        {
            return new MemoryStream(bytes, 0, (int)file.Size);
        }

        return new MemoryStream(bytes);
    }

    internal static List<FileSystemEntry> Walk(ILinuxFileSystem fileSystem)
    {
        var all = new List<FileSystemEntry>();
        var pending = new Queue<string>();
        pending.Enqueue("/");
        while (pending.Count > 0)
        {
            foreach (var entry in fileSystem.ListDirectory(pending.Dequeue()))
            {
                all.Add(entry);
                if (entry.Kind == FileSystemEntryKind.Directory)
                {
                    pending.Enqueue(entry.Path);
                }
            }
        }

        return all;
    }

    private static string Describe(FileSystemEntry entry)
    {
        var type = entry.Kind switch
        {
            FileSystemEntryKind.Fifo => 0x1000,
            FileSystemEntryKind.CharacterDevice => 0x2000,
            FileSystemEntryKind.Directory => 0x4000,
            FileSystemEntryKind.BlockDevice => 0x6000,
            FileSystemEntryKind.File => 0x8000,
            FileSystemEntryKind.SymbolicLink => 0xA000,
            _ => 0xC000,
        };
        var mode = Convert.ToString(type | (int)entry.Permissions, 8).PadLeft(6, '0');
        var size = entry.Kind == FileSystemEntryKind.Directory ? string.Empty : entry.Size.ToString(CultureInfo.InvariantCulture);
        return $"/{entry.Inode}/{mode}/{entry.UserId}/{entry.GroupId}/{entry.Name}/{size}/";
    }

    /// <summary>Reads debugfs's <c>ls -p</c> lines (<c>/inode/mode/uid/gid/name/size/</c>), without . and ..</summary>
    private static List<string> ParseDebugfsListing(string output) =>
        output.Split('\n')
            .Where(line => line.StartsWith('/') && !line.StartsWith("/0/", StringComparison.Ordinal))
            .Where(line => line.Split('/') is var parts && parts[5] is not ("." or ".."))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Process StartDebugfsCat(string image, string path)
    {
        var start = new ProcessStartInfo("debugfs") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-R");
        start.ArgumentList.Add($"cat \"{path}\"");
        start.ArgumentList.Add(image);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    internal static void AssertSameBytes(Stream expected, Stream actual, string what)
    {
        var left = new byte[1 << 20];
        var right = new byte[1 << 20];
        long offset = 0;
        while (true)
        {
            var count = expected.ReadAtLeast(left, left.Length, throwOnEndOfStream: false);
            var got = actual.ReadAtLeast(right, count == 0 ? 1 : count, throwOnEndOfStream: false);
            if (count == 0)
            {
                Assert.True(got == 0, $"{what}: Pane reads past the {offset} bytes debugfs gives.");
                return;
            }

            Assert.True(got == count, $"{what}: Pane gives {offset + got} bytes, debugfs more.");
            if (!left.AsSpan(0, count).SequenceEqual(right.AsSpan(0, count)))
            {
                var at = left.AsSpan(0, count).CommonPrefixLength(right.AsSpan(0, count));
                Assert.Fail($"{what}: the bytes differ from debugfs's at offset {offset + at}.");
            }

            offset += count;
        }
    }
}
