using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Ext4;

namespace Pane.Host.Tests.DiskImages.Ext4;

public sealed class Ext4FileSystemTests
{
    private static Ext4FileSystem OpenCorpus(string name) =>
        Ext4FileSystem.Open(File.OpenRead(Ext4Fixtures.CorpusImage(name)));

    public sealed class Open
    {
        [Fact]
        public void Refuses_a_volume_without_a_superblock_and_says_so()
        {
            // Given
            var zeros = new MemoryStream(new byte[64 * 1024]);

            // When
            var error = Assert.Throws<ImageFormatException>(() => Ext4FileSystem.Open(zeros));

            // Then
            Assert.Contains("superblock", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_an_incompatible_feature_it_does_not_read_by_name()
        {
            // Given: the encrypt flag (incompat 0x10000) set in the superblock's feature_incompat word
            var image = File.ReadAllBytes(Ext4Fixtures.CorpusImage("ext4-4k-64bit-csum"));
            image[1024 + 0x60 + 2] |= 0x01;

            // When
            var error = Assert.Throws<ImageFormatException>(() => Ext4FileSystem.Open(new MemoryStream(image)));

            // Then
            Assert.Contains("encrypt", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_casefold_encoding_other_than_utf8_by_name()
        {
            // Given: s_encoding (offset 0x27C of the superblock) set to 2, an encoding Linux does not know
            var image = File.ReadAllBytes(Ext4Fixtures.CorpusImage("ext4-1k-casefold"));
            image[1024 + 0x27C] = 2;

            // When
            var error = Assert.Throws<ImageFormatException>(() => Ext4FileSystem.Open(new MemoryStream(image)));

            // Then
            Assert.Contains("casefold encoding (2)", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("ext2-1k-i128", "ext2", 1024)]
        [InlineData("ext3-2k-i256", "ext3", 2048)]
        [InlineData("ext4-4k-64bit-csum", "ext4", 4096)]
        public void Reports_the_type_and_block_size(string image, string type, int blockSize)
        {
            // When
            using var fileSystem = OpenCorpus(image);

            // Then
            Assert.Equal(type, fileSystem.Type);
            Assert.Equal(blockSize, fileSystem.BlockSize);
            Assert.NotNull(fileSystem.Uuid);
        }

        [Fact]
        public void Names_the_features_as_e2fsprogs_does()
        {
            // When
            using var fileSystem = OpenCorpus("ext4-4k-64bit-csum");

            // Then
            Assert.Contains("64bit", fileSystem.Features);
            Assert.Contains("metadata_csum", fileSystem.Features);
            Assert.Contains("flex_bg", fileSystem.Features);
            Assert.Contains("extent", fileSystem.Features);
        }
    }

    public sealed class GetEntry
    {
        [Theory]
        [InlineData("ext2-1k-i128")]
        [InlineData("ext4-4k-inline")]
        public void Follows_fast_slow_and_absolute_symbolic_links(string image)
        {
            // Given
            using var fileSystem = OpenCorpus(image);

            // When
            var fast = fileSystem.GetEntry("/fast-link/deep/leaf");
            var slow = fileSystem.GetEntry("/slow-link");
            var absolute = fileSystem.GetEntry("/absolute-link");
            var small = fileSystem.GetEntry("/small");

            // Then
            Assert.Equal(FileSystemEntryKind.File, fast!.Kind);
            Assert.Equal(small!.Inode, slow!.Inode);
            Assert.Equal(fast.Inode, absolute!.Inode);
            Assert.True(fileSystem.GetEntry("/slow-link", followFinalSymlink: false)!.SymlinkTarget!.Length > 60);
        }

        [Fact]
        public void Refuses_a_symbolic_link_loop_after_forty_links()
        {
            // Given
            using var fileSystem = OpenCorpus("ext4-4k-64bit-csum");

            // When
            var error = Assert.Throws<ImageFormatException>(() => fileSystem.GetEntry("/loop-a"));

            // Then
            Assert.Contains("40 symbolic links", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Returns_null_for_a_dangling_link_and_a_missing_path()
        {
            // Given
            using var fileSystem = OpenCorpus("ext4-4k-64bit-csum");

            // Then
            Assert.Null(fileSystem.GetEntry("/dangling-link"));
            Assert.Null(fileSystem.GetEntry("/no/such/file"));
            Assert.NotNull(fileSystem.GetEntry("/dangling-link", followFinalSymlink: false));
        }

        [Fact]
        public void Finds_hard_links_and_utf8_names()
        {
            // Given
            using var fileSystem = OpenCorpus("ext3-2k-i256");

            // When
            var original = fileSystem.GetEntry("/small")!;
            var link = fileSystem.GetEntry("/dir/hard-link-to-small")!;
            var utf8 = fileSystem.GetEntry("/ünïcödé-名前-😀/файл-αβγ.txt");

            // Then
            Assert.Equal(original.Inode, link.Inode);
            Assert.Equal(2, link.LinkCount);
            Assert.Equal(5000, utf8!.Size);
        }
    }

    /// <summary>
    /// /folded of the casefold corpus image has the casefold flag; its SubDir, made by debugfs, does not (Linux would
    /// let it inherit the flag, debugfs does not), and neither do / and /plain.
    /// </summary>
    public sealed class GetEntry_in_a_casefolded_directory
    {
        [Theory]
        [InlineData("/folded/readme.txt", "/folded/Readme.TXT")]
        [InlineData("/folded/README.TXT", "/folded/Readme.TXT")]
        [InlineData("/folded/subdir/Leaf", "/folded/SubDir/Leaf")]
        [InlineData("/folded/subdir/LEAF", null)]
        [InlineData("/folded/STRASSE", "/folded/Straße")]
        [InlineData("/folded/strasse", "/folded/Straße")]
        [InlineData("/folded/STRAẞE", "/folded/Straße")]
        [InlineData("/folded/ärger-FILE", "/folded/Ärger-ﬁle")]
        [InlineData("/folded/A\u0308RGER-fi\u0302le", null)]
        [InlineData("/folded/A\u0308RGER-ﬁle", "/folded/Ärger-ﬁle")]
        [InlineData("/folded/ınfo", null)]
        [InlineData("/folded/İnfo", null)]
        [InlineData("/folded/INFO", "/folded/Info")]
        [InlineData("/plain/readme.txt", null)]
        [InlineData("/plain/Readme.TXT", "/plain/Readme.TXT")]
        [InlineData("/FOLDED/Info", null)]
        public void Finds_names_as_Linux_utf8_casefolding_does(string lookup, string? exactPath)
        {
            // Given
            var image = Ext4Fixtures.CorpusImage("ext4-1k-casefold");
            using var fileSystem = Ext4FileSystem.Open(File.OpenRead(image));

            // When
            var entry = fileSystem.GetEntry(lookup);

            // Then
            if (exactPath is null)
            {
                Assert.Null(entry);
            }
            else
            {
                var inode = Ext4Fixtures.DebugfsField(image, $"stat \"{exactPath}\"", @"^Inode: (\d+)");
                Assert.Equal(inode, entry?.Inode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    public sealed class OpenFile
    {
        [Theory]
        [InlineData("/preallocated")]
        [InlineData("/preallocated-tail")]
        public void Reads_unwritten_extents_as_zeros(string path)
        {
            // Given
            using var fileSystem = OpenCorpus("ext4-4k-64bit-csum");
            using var stream = fileSystem.OpenFile(path);
            var bytes = new byte[stream.Length];

            // When
            stream.ReadExactly(bytes);

            // Then
            Assert.Equal(1 << 20, bytes.Length);
            Assert.True(bytes.AsSpan(256 * 1024).IndexOfAnyExcept((byte)0) < 0);
        }

        [Fact]
        public void Seeks_into_a_multi_gigabyte_sparse_file()
        {
            // Given
            using var fileSystem = OpenCorpus("ext4-4k-64bit-csum");
            using var stream = fileSystem.OpenFile("/huge-sparse");
            var buffer = new byte[4096];

            // When
            stream.Position = 1500L << 20;
            stream.ReadExactly(buffer);
            var data = buffer.AsSpan().IndexOfAnyExcept((byte)0) >= 0;
            stream.Position = (3L << 30) - 4096;
            stream.ReadExactly(buffer);

            // Then
            Assert.Equal(3L << 30, stream.Length);
            Assert.True(data);
            Assert.True(buffer.AsSpan().IndexOfAnyExcept((byte)0) < 0);
            Assert.Equal(0, stream.Read(buffer));
        }

        [Fact]
        public void Refuses_an_encrypted_file_and_an_encrypted_directory_naming_the_encryption()
        {
            // Given: the fscrypt flag (0x800) set on a file's and a directory's inode by debugfs
            var scratch = Ext4Fixtures.NewScratchFolder();
            try
            {
                var image = Path.Combine(scratch, "encrypted.img");
                File.Copy(Ext4Fixtures.CorpusImage("ext3-2k-i256"), image);
                Ext4Fixtures.Run("debugfs", ["-w", "-R", "set_inode_field /dir/medium flags 0x800", image], TimeSpan.FromMinutes(1));
                Ext4Fixtures.Run("debugfs", ["-w", "-R", "set_inode_field /dir/nested flags 0x800", image], TimeSpan.FromMinutes(1));
                using var fileSystem = Ext4FileSystem.Open(File.OpenRead(image));

                // When
                var file = Assert.Throws<ImageFormatException>(() => fileSystem.OpenFile("/dir/medium"));
                var directory = Assert.Throws<ImageFormatException>(() => fileSystem.ListDirectory("/dir/nested"));

                // Then
                Assert.Contains("encrypted", file.Message, StringComparison.Ordinal);
                Assert.Contains("encrypted", directory.Message, StringComparison.Ordinal);
                Assert.Equal(300000, fileSystem.GetEntry("/dir/medium")!.Size);
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        [Fact]
        public void Refuses_a_directory()
        {
            // Given
            using var fileSystem = OpenCorpus("ext4-4k-64bit-csum");

            // When
            var error = Assert.Throws<ImageFormatException>(() => fileSystem.OpenFile("/dir"));

            // Then
            Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
        }
    }
}
