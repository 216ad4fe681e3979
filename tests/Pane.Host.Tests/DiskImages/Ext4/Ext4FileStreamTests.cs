using System.Security.Cryptography;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Ext4;

namespace Pane.Host.Tests.DiskImages.Ext4;

public sealed class Ext4FileStreamTests
{
    private const long SizeLimit = 64L << 20;

    public sealed class CopyTo
    {
        public static TheoryData<string, bool> Images()
        {
            var data = new TheoryData<string, bool>();
            foreach (var name in Ext4Fixtures.CorpusNames)
            {
                data.Add(name, true);
                data.Add(name, false);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Images))]
        public void Writes_every_file_as_its_stream_reads_it(string image, bool throughDiskImage)
        {
            // Given: the raw image opened as a disk image (copied from the image file in the kernel) or as a plain
            // stream (copied through a buffer)
            var path = Ext4Fixtures.CorpusImage(image);
            using var disk = throughDiskImage ? DiskImage.Open(path) : null;
            using var fileSystem = disk is null ? Ext4FileSystem.Open(File.OpenRead(path)) : (Ext4FileSystem)disk.OpenFileSystem(null);
            var files = Ext4FileSystemCorpusTests.Walk(fileSystem).Where(entry => entry.Kind == FileSystemEntryKind.File && entry.Size <= SizeLimit).ToList();
            var scratch = Ext4Fixtures.NewScratchFolder();
            try
            {
                foreach (var file in files)
                {
                    var target = Path.Combine(scratch, "copy");
                    using var opened = fileSystem.OpenFile(file.Path);
                    if (opened is not Ext4FileStream source)
                    {
                        continue; // inline data: the bytes live in the inode, not in runs of blocks
                    }

                    // When
                    using (var handle = File.OpenHandle(target, FileMode.Create, FileAccess.Write))
                    {
                        source.CopyTo(handle, TestContext.Current.CancellationToken);
                    }

                    // Then
                    Assert.Equal(file.Size, new FileInfo(target).Length);
                    using (var copy = File.OpenRead(target))
                    {
                        Assert.True(
                            SHA256.HashData(source).AsSpan().SequenceEqual(SHA256.HashData(copy)),
                            $"{file.Path} of {image} differs from its stream.");
                    }

                    File.Delete(target);
                }
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }

            Assert.NotEmpty(files);
        }
    }
}
