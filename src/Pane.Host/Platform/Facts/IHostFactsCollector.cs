namespace Pane.Host.Platform.Facts;

/// <summary>Gathers the host facts of <c>pane doctor</c>.</summary>
internal interface IHostFactsCollector
{
    /// <summary>Gathers the facts. Creates <paramref name="paneHome"/> if it is missing, to test that it is writable.</summary>
    /// <param name="paneHome">The <c>PANE_HOME</c> folder (<see cref="Pane.Platform.IPaneHome.Root"/>).</param>
    /// <returns>The facts and the problems found; this never throws for a problem of the host.</returns>
    HostFacts Collect(string paneHome);
}
