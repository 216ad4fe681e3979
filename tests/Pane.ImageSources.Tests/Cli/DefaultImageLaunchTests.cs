using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;
using Pane.ImageSources.Downloads;
using Pane.Images;
using Pane.Machines;

namespace Pane.ImageSources.Tests.Cli;

/// <summary>
/// <c>pane launch</c> without an image on Linux: the real Arch source pointed by <c>PANE_BASE_IMAGE_URL</c> at a
/// loopback address, and a stand-in for the <c>debian</c> source that writes a small file instead of building an image.
/// </summary>
public sealed class DefaultImageLaunchTests : IDisposable
{
    private readonly PaneCli _pane = new();
    private readonly HttpDownloader _downloader = new(new DownloadOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 2 });
    private readonly IImageSource _debian = Substitute.For<IImageSource>();

    public DefaultImageLaunchTests()
    {
        _debian.Id.Returns("debian");
        _debian.CanAcquire(Arg.Is<ImageReference>(r => r.Scheme == "debian")).Returns(true);
        _debian.AcquireAsync(Arg.Any<ImageReference>(), Arg.Any<string>(), Arg.Any<IProgress<TransferProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                var file = Path.Join(call.ArgAt<string>(1), "debian.raw");
                Directory.CreateDirectory(call.ArgAt<string>(1));
                var bytes = new byte[64 << 10];
                await File.WriteAllBytesAsync(file, bytes);
                return new AcquiredImage { Path = file, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), Format = DiskFormat.Raw, SizeBytes = bytes.Length };
            });
    }

    public void Dispose()
    {
        _downloader.Dispose();
        _pane.Dispose();
    }

    private Action<IServiceCollection> Services(string archUrl)
    {
        var environment = new Dictionary<string, string?>
        {
            [ArchImageSource.UrlVariable] = archUrl,
            [ArchImageSource.Sha256Variable] = new string('a', 64),
        };
        var arch = new ArchImageSource(_downloader, name => environment.GetValueOrDefault(name));
        var catalog = new PluginCatalog([], [], [], [], [arch, _debian], []);
        return services => services.AddSingleton<IPluginCatalog>(catalog);
    }

    private static int RefusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Says_in_one_line_that_arch_cannot_be_reached_and_builds_debian_instead()
    {
        // Given
        var url = $"http://127.0.0.1:{RefusedPort()}/images/Arch-Linux-x86_64-basic.qcow2";

        // When
        var launch = await _pane.RunAsync(Services(url), "launch", "--headless");

        // Then: the stand-in's file is no bootable disk, so the launch ends there, after the fallback
        Assert.Equal(1, launch.ExitCode);
        Assert.Contains($"error: The image '{Path.Join(_pane.Images, "debian", "debian.raw")}' has no Linux root filesystem", launch.Error, StringComparison.Ordinal);
        var notice = Assert.Single(launch.Error.Split('\n'), line => line.Contains("instead", StringComparison.Ordinal));
        Assert.Equal("The Arch base image cannot be downloaded: 127.0.0.1 cannot be reached from this machine; using the 'debian' image instead, built locally.", notice);
        Assert.Equal(["debian/debian.raw", "debian/image.json"], _pane.ImageFiles());
        await _debian.Received(1).AcquireAsync(Arg.Any<ImageReference>(), Arg.Any<string>(), Arg.Any<IProgress<TransferProgress>?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Reports_a_missing_arch_image_as_it_is_without_building_debian()
    {
        // Given
        await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(1 << 20));
        server.Then(Misbehaviour.Answer(404));

        // When
        var launch = await _pane.RunAsync(Services(server.Url("Arch-Linux-x86_64-basic.qcow2").AbsoluteUri), "launch", "--headless");

        // Then
        Assert.Equal(1, launch.ExitCode);
        Assert.StartsWith($"error: {server.Url("Arch-Linux-x86_64-basic.qcow2")} was not found on its server (HTTP 404).", launch.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("instead", launch.Error, StringComparison.Ordinal);
        Assert.Equal([], _pane.ImageFiles());
        await _debian.DidNotReceiveWithAnyArgs().AcquireAsync(default!, default!, default, TestContext.Current.CancellationToken);
    }
}
