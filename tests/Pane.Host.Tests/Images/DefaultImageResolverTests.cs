using Pane.Host.Hosting;
using Pane.Host.Images;
using Pane.Host.Plugins;
using Pane.Host.Settings;
using Pane.Images;
using Pane.Platform;

namespace Pane.Host.Tests.Images;

public sealed class DefaultImageResolverTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("pane-default-image-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private DefaultImageResolver Resolver(HostOperatingSystem system, params string[] sources)
    {
        var platform = Substitute.For<IHostPlatform>();
        platform.OperatingSystem.Returns(system);
        var imageSources = new List<IImageSource>();
        foreach (var id in sources)
        {
            var source = Substitute.For<IImageSource>();
            source.Id.Returns(id);
            imageSources.Add(source);
        }

        var catalog = Substitute.For<IPluginCatalog>();
        catalog.ImageSources.Returns(imageSources);
        return new DefaultImageResolver(new PaneSettings(new PaneHome(_home)), platform, catalog);
    }

    [Fact]
    public void Chooses_arch_on_Windows()
    {
        // When
        var choice = Resolver(HostOperatingSystem.Windows, "arch", "debian").Resolve();

        // Then
        Assert.Equal(new DefaultImage("arch", "built-in default on Windows"), choice);
    }

    [Fact]
    public void Chooses_arch_on_Linux_with_debian_as_its_fallback_when_that_source_is_loaded()
    {
        // When
        var withDebian = Resolver(HostOperatingSystem.Linux, "arch", "debian").Resolve();
        var withoutDebian = Resolver(HostOperatingSystem.Linux, "arch").Resolve();

        // Then
        Assert.Equal(new DefaultImage("arch", "built-in default on Linux", "debian"), withDebian);
        Assert.Equal("arch", withoutDebian.Reference);
        Assert.Null(withoutDebian.Fallback);
    }

    [Fact]
    public async Task Prefers_the_configured_image()
    {
        // Given
        await new PaneSettings(new PaneHome(_home)).SetAsync(PaneSettings.DefaultImageKey, "mine", TestContext.Current.CancellationToken);

        // When
        var choice = Resolver(HostOperatingSystem.Linux, "debian").Resolve();

        // Then
        Assert.Equal("mine", choice.Reference);
        Assert.Null(choice.Fallback);
        Assert.Equal($"set in {Path.Join(_home, "config.json")}", choice.Origin);
    }
}
