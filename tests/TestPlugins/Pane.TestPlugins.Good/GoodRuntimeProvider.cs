using Microsoft.Extensions.Logging;

namespace Pane.TestPlugins.Good;

/// <summary>The runtime <c>test-runtime</c>; takes a logger from the host.</summary>
/// <param name="logger">The host's logger.</param>
public sealed class GoodRuntimeProvider(ILogger<GoodRuntimeProvider> logger) : TestRuntimeProvider("test-runtime")
{
    /// <summary>Gets the host's logger.</summary>
    public ILogger Logger { get; } = logger;
}
