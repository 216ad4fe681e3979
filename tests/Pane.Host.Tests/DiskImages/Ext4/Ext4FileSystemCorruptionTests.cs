using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pane.Host.Tests.DiskImages.Ext4;

/// <summary>
/// Seeded random corruption of the corpus images' metadata: the superblock, the group descriptors, the first inode
/// table blocks, the root and /dir directory blocks and, where there is one, an extent tree's index blocks. Same
/// rules as the e2fsprogs images: read, or fail with an ImageFormatException naming the structure, in bounded time.
/// </summary>
public sealed partial class Ext4FileSystemCorruptionTests
{
    private const int Iterations = 12;

    public static TheoryData<string> Images => [.. Ext4Fixtures.CorpusNames];

    [Theory]
    [MemberData(nameof(Images))]
    public void Damaged_metadata_reads_or_names_the_structure(string image)
    {
        // Given
        var path = Ext4Fixtures.CorpusImage(image);
        var pristine = File.ReadAllBytes(path);
        var regions = MetadataRegions(path);
        var random = new Random(StableSeed(image));

        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var damaged = (byte[])pristine.Clone();
            var (start, length, what) = regions[random.Next(regions.Count)];
            var edits = random.Next(1, 9);
            for (var edit = 0; edit < edits; edit++)
            {
                var at = start + random.NextInt64(length);
                damaged[at] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)(damaged[at] ^ (1 << random.Next(8))),
                    _ => random.Next(2) == 0 ? (byte)0 : (byte)0xFF,
                };
            }

            // When / Then: any exception but ImageFormatException, a message naming no structure, or a hang fails here.
            Ext4HostileReader.ReadEverything(damaged, $"{image}, iteration {iteration} ({edits} bytes of the {what})");
        }
    }

    [Fact]
    public void A_lying_inline_data_size_is_refused_within_the_allocation_bound_that_trusting_it_would_break()
    {
        // Given: /small of the inline_data image (100 bytes in its inode) claims 512 MiB
        var path = Ext4Fixtures.CorpusImage("ext4-4k-inline");
        var image = File.ReadAllBytes(path);
        var block = long.Parse(Ext4Fixtures.DebugfsField(path, "imap /small", @"located at block (\d+)"), CultureInfo.InvariantCulture);
        var offset = Convert.ToInt64(Ext4Fixtures.DebugfsField(path, "imap /small", @"offset 0x([0-9a-f]+)"), 16);
        const int lyingSize = 512 << 20;
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan((int)((block * 4096) + offset + 4)), lyingSize);

        // When
        var failures = Ext4HostileReader.ReadEverything(image, "ext4-4k-inline with a lying i_size");
        var trusting = Record.Exception(() => BoundedRead.Run("a reader trusting i_size", image.Length, _ => new byte[lyingSize].Length));

        // Then
        Assert.True(failures >= 1, "The reader read /small's 512 MiB of inline data without refusing it.");
        Assert.IsType<Xunit.Sdk.TrueException>(trusting);
        Assert.Contains("more than the bound", trusting.Message, StringComparison.Ordinal);
    }

    private static int StableSeed(string name) =>
        name.Aggregate(20261127, (seed, character) => unchecked((seed * 31) + character));

    private static List<(long Start, long Length, string What)> MetadataRegions(string image)
    {
        var stats = Ext4Fixtures.Debugfs(image, "stats");
        var blockSize = long.Parse(Field(stats, @"Block size:\s+(\d+)"), CultureInfo.InvariantCulture);
        var firstDataBlock = long.Parse(Field(stats, @"First block:\s+(\d+)"), CultureInfo.InvariantCulture);
        var inodeTable = long.Parse(Field(stats, @"inode table at (\d+)"), CultureInfo.InvariantCulture);
        var regions = new List<(long, long, string)>
        {
            (1024, 1024, "superblock"),
            ((firstDataBlock + 1) * blockSize, blockSize, "group descriptors"),
            (inodeTable * blockSize, 8 * blockSize, "inode table"),
        };
        foreach (var directory in new[] { "/", "/dir" })
        {
            foreach (Match block in BlockNumber().Matches(Ext4Fixtures.Debugfs(image, $"blocks {directory}")))
            {
                regions.Add((long.Parse(block.Value, CultureInfo.InvariantCulture) * blockSize, blockSize, $"directory block of {directory}"));
            }
        }

        foreach (Match index in ExtentTreeBlock().Matches(Ext4Fixtures.Debugfs(image, "stat /fragmented")))
        {
            regions.Add((long.Parse(index.Groups[1].Value, CultureInfo.InvariantCulture) * blockSize, blockSize, "extent tree block"));
        }

        return regions;
    }

    private static string Field(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"debugfs stats has no '{pattern}'.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex BlockNumber();

    [GeneratedRegex(@"\(ETB\d+\):(\d+)")]
    private static partial Regex ExtentTreeBlock();
}
