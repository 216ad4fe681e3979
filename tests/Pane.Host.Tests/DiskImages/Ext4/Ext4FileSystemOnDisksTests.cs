using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Boot;
using Pane.Host.DiskImages.Inspection;
using Pane.Machines;

namespace Pane.Host.Tests.DiskImages.Ext4;

/// <summary>
/// Corpus filesystems inside whole-disk images (tests/fixtures/build-ext4-disks.sh): a GPT root that is not the first
/// partition, an MBR logical partition, a compressed qcow2 and a qcow2 over a backing file. Each is opened as
/// <c>pane image</c> opens it (container, partition table, root filesystem) and every file is compared with
/// debugfs's dump of the bare corpus filesystem.
/// </summary>
public sealed class Ext4FileSystemOnDisksTests
{
    public static TheoryData<string, string, DiskFormat, int, int> Disks => new()
    {
        { "gpt-fragmented.raw", "ext4-1k-fragmented", DiskFormat.Raw, 2, 0 },
        { "mbr-logical.raw", "ext3-2k-i256", DiskFormat.Raw, 6, 0 },
        { "gpt-inline.qcow2", "ext4-4k-inline", DiskFormat.Qcow2, 2, 0 },
        { "gpt-ext2-overlay.qcow2", "ext2-1k-i128", DiskFormat.Qcow2, 2, 1 },
    };

    [Theory]
    [MemberData(nameof(Disks))]
    public void Reads_every_file_of_the_root_partition_as_debugfs_dumps_it_from_the_bare_filesystem(
        string disk, string corpusImage, DiskFormat format, int rootPartition, int backingFiles)
    {
        // Given
        var path = Ext4Fixtures.Disk(disk);

        // When
        using var volumes = ImageVolumes.Open(path, new ExtFileSystemOpener());
        var root = BootArtifactLocator.FindRoot(volumes);

        // Then
        Assert.Equal(format, volumes.Image.Format);
        Assert.Equal(backingFiles, volumes.Image.BackingChain.Count);
        Assert.Equal(rootPartition, root.Partition?.Number);
        Ext4FileSystemCorpusTests.AssertEveryFileMatchesDebugfs(Ext4Fixtures.CorpusImage(corpusImage), root.FileSystem!);
    }

    [Theory]
    [InlineData("gpt-fragmented.raw", "ext4-1k-fragmented")]
    [InlineData("mbr-logical.raw", "ext3-2k-i256")]
    [InlineData("gpt-inline.qcow2", "ext4-4k-inline")]
    [InlineData("gpt-ext2-overlay.qcow2", "ext2-1k-i128")]
    public async Task Pane_image_cat_reads_the_root_filesystem_of_the_disk(string disk, string corpusImage)
    {
        // Given
        var browser = new ImageBrowser(new ExtFileSystemOpener());
        using var output = new MemoryStream();

        // When
        await browser.CopyToAsync(Ext4Fixtures.Disk(disk), "/dir/medium", partition: null, output, TestContext.Current.CancellationToken);

        // Then
        var expected = Ext4Fixtures.Run("debugfs", ["-R", "cat /dir/medium", Ext4Fixtures.CorpusImage(corpusImage)], TimeSpan.FromMinutes(1));
        Assert.Equal(300000, output.Length);
        Assert.True(expected.StandardOutput.Span.SequenceEqual(output.ToArray()), $"{disk}: /dir/medium differs from debugfs's.");
    }
}
