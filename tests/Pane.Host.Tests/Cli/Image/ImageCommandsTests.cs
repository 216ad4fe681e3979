using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Cli.Image;
using Pane.Host.Tests.DiskImages;
using Pane.Host.Tests.DiskImages.Boot;

namespace Pane.Host.Tests.Cli.Image;

public sealed class ImageCommandsTests
{
    public sealed class Info(DistributionImagesFixture images) : IClassFixture<DistributionImagesFixture>, IDisposable
    {
        private readonly ImageCli _cli = new();

        [Fact]
        public async Task Shows_the_partitions_and_the_kernel_initramfs_and_root_it_boots_with()
        {
            // When
            var result = await _cli.RunAsync("image", "info", images.Debian);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Partition table:  mbr (disk id 5eed0001)", result.Output, StringComparison.Ordinal);
            Assert.Contains("Kernel:           /boot/vmlinuz-6.1.0-13-amd64 (partition 6)", result.Output, StringComparison.Ordinal);
            Assert.Contains("Initramfs:        /boot/initrd.img-6.1.0-13-amd64", result.Output, StringComparison.Ordinal);
            Assert.Contains("Root:             root=PARTUUID=5eed0001-06", result.Output, StringComparison.Ordinal);
            Assert.Contains("Linux swap", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Writes_the_same_facts_as_JSON()
        {
            // When
            var result = await _cli.RunAsync("image", "info", images.FedoraQcow2, "--json");

            // Then
            Assert.Equal(0, result.ExitCode);
            var json = JsonDocument.Parse(result.Output).RootElement;
            Assert.Equal("qcow2", json.GetProperty("format").GetString());
            Assert.Equal("gpt", json.GetProperty("partitionTable").GetString());
            Assert.Equal(3, json.GetProperty("partitions").GetArrayLength());
            Assert.Equal("ext4", json.GetProperty("partitions")[2].GetProperty("fileSystem").GetProperty("type").GetString());
            Assert.Equal("fedora-root", json.GetProperty("partitions")[2].GetProperty("fileSystem").GetProperty("label").GetString());
            var boot = json.GetProperty("boot");
            Assert.Equal("/vmlinuz-6.5.6-300.fc39.x86_64", boot.GetProperty("kernel").GetString());
            Assert.Equal(2, boot.GetProperty("bootPartition").GetInt32());
            Assert.Equal($"root=PARTUUID={DistributionImagesFixture.FedoraRootUuid}", boot.GetProperty("rootArgument").GetString());
        }

        [Fact]
        public async Task Warns_on_standard_error_that_the_backup_GPT_header_was_used()
        {
            // Given: the primary GPT header's CRC32 broken
            var image = images.Path("arch-info-damaged-primary.raw");
            File.Copy(images.Arch, image, overwrite: true);
            Tools.Patch(image, 512 + 16, [0xde, 0xad]);

            // When
            var result = await _cli.RunAsync("image", "info", image);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("warning: The primary GPT header at sector 1 is damaged", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("warning:", result.Output, StringComparison.Ordinal);
            Assert.Contains("Root:             root=PARTUUID=", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fails_with_a_remedy_when_the_image_does_not_exist()
        {
            // When
            var result = await _cli.RunAsync("image", "info", images.Path("missing.qcow2"));

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
            Assert.Contains("remedy:", result.Error, StringComparison.Ordinal);
        }

        public void Dispose() => _cli.Dispose();
    }

    public sealed class Ls(DistributionImagesFixture images) : IClassFixture<DistributionImagesFixture>, IDisposable
    {
        private readonly ImageCli _cli = new();

        [Fact]
        public async Task Lists_the_root_filesystem_like_ls_l_with_symlink_targets()
        {
            // When
            var result = await _cli.RunAsync("image", "ls", images.Arch);

            // Then
            Assert.Equal(0, result.ExitCode);
            var sbin = Assert.Single(result.Output.Split('\n'), line => line.EndsWith("sbin -> usr/bin", StringComparison.Ordinal));
            Assert.StartsWith("lrwxrwxrwx", sbin, StringComparison.Ordinal);
            Assert.Contains(result.Output.Split('\n'), line => line.StartsWith("drwxr-xr-x", StringComparison.Ordinal) && line.EndsWith(" boot", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Lists_a_chosen_partition_as_JSON()
        {
            // When
            var result = await _cli.RunAsync("image", "ls", images.Fedora, "/", "--partition", "2", "--json");

            // Then
            Assert.Equal(0, result.ExitCode);
            var names = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().Select(entry => entry.GetProperty("name").GetString()).ToList();
            Assert.Contains("vmlinuz-6.5.6-300.fc39.x86_64", names);
            Assert.Contains("initramfs-6.4.15-200.fc38.x86_64.img", names);
        }

        public void Dispose() => _cli.Dispose();
    }

    public sealed class Cat(DistributionImagesFixture images) : IClassFixture<DistributionImagesFixture>, IDisposable
    {
        private readonly ScratchDirectory _home = new();

        [Fact]
        public async Task Writes_a_binary_file_to_standard_output_byte_for_byte()
        {
            // Given
            using var output = new CapturedBinaryOutput();

            // When
            var result = await CliRunner.RunAsync(
                services => services.AddSingleton<IBinaryOutput>(output),
                "image", "cat", images.Ubuntu, "/usr/share/blob.bin", "--home", _home.Path);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(DistributionImagesFixture.Blob, output.Bytes);
        }

        [Fact]
        public async Task Reads_an_image_of_the_store_by_its_name()
        {
            // Given
            var import = await CliRunner.RunAsync(null, "image", "import", images.Ubuntu, "--name", "ubuntu-stored", "--home", _home.Path);
            using var output = new CapturedBinaryOutput();

            // When
            var result = await CliRunner.RunAsync(
                services => services.AddSingleton<IBinaryOutput>(output),
                "image", "cat", "ubuntu-stored", "/usr/share/blob.bin", "--home", _home.Path);

            // Then
            Assert.Equal(0, import.ExitCode);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(DistributionImagesFixture.Blob, output.Bytes);
        }

        [Fact]
        public async Task Refuses_a_folder()
        {
            // Given
            using var output = new CapturedBinaryOutput();

            // When
            var result = await CliRunner.RunAsync(
                services => services.AddSingleton<IBinaryOutput>(output),
                "image", "cat", images.Ubuntu, "/boot", "--home", _home.Path);

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("not a regular file", result.Error, StringComparison.Ordinal);
        }

        public void Dispose() => _home.Dispose();
    }

    public sealed class Extract(DistributionImagesFixture images) : IClassFixture<DistributionImagesFixture>, IDisposable
    {
        private readonly ImageCli _cli = new();
        private readonly ScratchDirectory _output = new();

        [Fact]
        public async Task Copies_a_file_out_of_a_qcow2_image_without_leaving_temporary_files()
        {
            // Given
            var target = _output.File("kernel");
            File.WriteAllText(target, "old");

            // When
            var result = await _cli.RunAsync("image", "extract", images.FedoraQcow2, "/vmlinuz-6.5.6-300.fc39.x86_64", target, "--partition", "2");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(DistributionImagesFixture.Content("fedora-boot/vmlinuz-6.5.6-300.fc39.x86_64"), File.ReadAllBytes(target));
            Assert.Equal([target], Directory.GetFiles(_output.Path));
        }

        [Fact]
        public async Task Copies_a_file_out_of_an_image_of_the_store_given_by_its_name()
        {
            // Given
            var import = await _cli.RunAsync("image", "import", images.FedoraQcow2, "--name", "fedora-stored");
            var target = _output.File("initramfs");

            // When
            var result = await _cli.RunAsync("image", "extract", "fedora-stored", "/initramfs-6.5.6-300.fc39.x86_64.img", target, "--partition", "2");

            // Then
            Assert.Equal(0, import.ExitCode);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(DistributionImagesFixture.Content("fedora-boot/initramfs-6.5.6-300.fc39.x86_64.img"), File.ReadAllBytes(target));
        }

        public void Dispose()
        {
            _cli.Dispose();
            _output.Dispose();
        }
    }
}
