using Pane.Host.Tests.DiskImages;
using Pane.Host.Tests.DiskImages.Boot;

namespace Pane.Host.Tests.Cli.Image;

/// <summary>
/// A disk whose primary GPT header is damaged boots from its backup header, and <c>pane launch</c> says so on
/// standard error, as <c>pane image info</c> does.
/// </summary>
public sealed class GptFallbackWarningTests(DistributionImagesFixture images) : IClassFixture<DistributionImagesFixture>, IDisposable
{
    private readonly ImageCli _cli = new();

    [Fact]
    public async Task Launch_warns_that_the_backup_GPT_header_was_used_before_it_goes_on()
    {
        // Given: the primary GPT header's CRC32 broken, and a runtime that does not exist, so the launch stops right
        // after the kernel was taken out of the image
        var image = images.Path("arch-launch-damaged-primary.raw");
        File.Copy(images.Arch, image, overwrite: true);
        Tools.Patch(image, 512 + 16, [0xde, 0xad]);

        // When
        var result = await _cli.RunAsync("launch", image, "--name", "gpt-warning", "--runtime", "no-such-runtime", "--headless");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("warning: The primary GPT header at sector 1 is damaged", result.Error, StringComparison.Ordinal);
        Assert.Contains("the backup header at sector", result.Error, StringComparison.Ordinal);
        Assert.Contains("no-such-runtime", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
