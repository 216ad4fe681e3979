using Pane.Platform;

namespace Pane.Runtime.QemuWhpx.Tests.TestSupport;

/// <summary>Substitutes for the host's facts.</summary>
internal static class Hosts
{
    public static IHostPlatform Platform(HostOperatingSystem operatingSystem, string hostDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var platform = Substitute.For<IHostPlatform>();
        platform.OperatingSystem.Returns(operatingSystem);
        platform.HostDirectory.Returns(hostDirectory);
        platform.LogicalProcessorCount.Returns(2);
        platform.GetEnvironmentVariable(Arg.Any<string>())
            .Returns(call => environment is not null && environment.TryGetValue(call.Arg<string>(), out var value) ? value : null);
        return platform;
    }

    public static IHypervisorProbe Hypervisor(HypervisorStatus status)
    {
        var probe = Substitute.For<IHypervisorProbe>();
        probe.ProbeAsync(status.Kind, Arg.Any<CancellationToken>()).Returns(status);
        return probe;
    }
}
