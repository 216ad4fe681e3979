using Pane.Host.Plugins;
using Pane.Runtimes;

namespace Pane.Host.Tests.Runtimes;

/// <summary>Substitute runtime providers and catalogs for negotiation and CLI tests.</summary>
internal static class TestRuntimes
{
    public static IRuntimeProvider Provider(string id, RuntimeProbeResult probe)
    {
        var provider = Substitute.For<IRuntimeProvider>();
        provider.Id.Returns(id);
        provider.DisplayName.Returns($"Runtime {id}");
        provider.Capabilities.Returns(RuntimeCapabilities.SerialConsole | RuntimeCapabilities.GraphicalDisplay);
        provider.ProbeAsync(Arg.Any<CancellationToken>()).Returns(probe);
        return provider;
    }

    public static IRuntimeProvider Available(string id, int score, string accelerator = "kvm", bool accelerated = true) =>
        Provider(id, RuntimeProbeResult.Available(score, accelerator, accelerated) with { Version = "1.2.3" });

    public static IRuntimeProvider Unavailable(string id, string reason, string remedy) =>
        Provider(id, RuntimeProbeResult.Unavailable(reason, remedy));

    public static IRuntimeProvider Throwing(string id, Exception error)
    {
        var provider = Substitute.For<IRuntimeProvider>();
        provider.Id.Returns(id);
        provider.DisplayName.Returns($"Runtime {id}");
        provider.ProbeAsync(Arg.Any<CancellationToken>()).Returns<Task<RuntimeProbeResult>>(_ => throw error);
        return provider;
    }

    public static IPluginCatalog Catalog(params IRuntimeProvider[] providers)
    {
        var catalog = Substitute.For<IPluginCatalog>();
        catalog.RuntimeProviders.Returns(providers);
        catalog.Plugins.Returns([]);
        catalog.Errors.Returns([]);
        catalog.DesktopRecipes.Returns([]);
        catalog.ImageSources.Returns([]);
        return catalog;
    }
}
