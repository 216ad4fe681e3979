using System.Runtime.Versioning;
using System.Text;
using Pane.Runtime.Native.Initramfs;

namespace Pane.Runtime.Native.Tests.Initramfs;

public sealed class CpioNewcWriterTests
{
    [SupportedOSPlatform("linux")]
    public sealed class Finish
    {
        [Fact]
        public void GNU_cpio_extracts_the_files_directories_and_links_with_their_modes()
        {
            // Given
            using var output = new MemoryStream();
            var writer = new CpioNewcWriter(output);
            writer.AddFile("lib/modules/pane/a.ko", "module bytes"u8);
            writer.AddFile("init", "#!/bin/sh\n"u8, mode: 0x1ED);
            writer.AddSymbolicLink("bin/sh", "busybox");
            writer.AddFile("odd", "12345"u8);
            writer.Finish();
            var folder = Directory.CreateTempSubdirectory("pane-cpio-");

            try
            {
                // When
                CpioTool.Run(output.ToArray(), "-idm --quiet", folder.FullName);

                // Then
                Assert.Equal("module bytes", File.ReadAllText(Path.Combine(folder.FullName, "lib/modules/pane/a.ko")));
                Assert.Equal("12345", File.ReadAllText(Path.Combine(folder.FullName, "odd")));
                Assert.Equal("busybox", new FileInfo(Path.Combine(folder.FullName, "bin/sh")).LinkTarget);
                Assert.True(File.GetUnixFileMode(Path.Combine(folder.FullName, "init")).HasFlag(UnixFileMode.UserExecute));
                Assert.False(File.GetUnixFileMode(Path.Combine(folder.FullName, "odd")).HasFlag(UnixFileMode.UserExecute));
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        [Fact]
        public void Writes_each_parent_directory_once_before_its_entries_and_ends_with_the_trailer()
        {
            // Given
            using var output = new MemoryStream();
            var writer = new CpioNewcWriter(output);
            writer.AddFile("a/b/one", "1"u8);
            writer.AddFile("a/b/two", "2"u8);
            writer.Finish();

            // When
            var listing = CpioTool.Run(output.ToArray(), "-t --quiet", Path.GetTempPath());

            // Then
            Assert.Equal(["a", "a/b", "a/b/one", "a/b/two"], listing.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            var text = Encoding.ASCII.GetString(output.ToArray());
            Assert.EndsWith("TRAILER!!!\0\0\0\0", text, StringComparison.Ordinal);
            Assert.Equal(0, output.Length % 4);
            Assert.StartsWith(CpioNewcWriter.Magic, text, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("../etc/passwd")]
        [InlineData("a/./b")]
        [InlineData("/")]
        public void Refuses_a_path_that_is_not_plain(string path)
        {
            // Given
            var writer = new CpioNewcWriter(new MemoryStream());

            // When // Then
            Assert.Throws<ArgumentException>(() => writer.AddFile(path, "x"u8));
        }

        [Fact]
        public void Nothing_can_be_added_after_the_trailer()
        {
            // Given
            var writer = new CpioNewcWriter(new MemoryStream());
            writer.Finish();

            // When // Then
            Assert.Throws<InvalidOperationException>(() => writer.AddFile("late", "x"u8));
        }
    }
}
