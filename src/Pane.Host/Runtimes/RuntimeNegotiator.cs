using System.Globalization;
using Pane.Host.Plugins;
using Pane.Runtimes;

namespace Pane.Host.Runtimes;

/// <summary>
/// The <see cref="IRuntimeNegotiator"/> over the runtime providers of the <see cref="IPluginCatalog"/>: for
/// <c>auto</c>, starts every provider's probe in turn on the calling thread and awaits them together, so asynchronous
/// probes run at once and probes answered from a cache cost no thread switch; ranks the available ones by score and
/// picks one. A runtime requested by id is the only one probed: probing the others (QEMU's probe runs
/// <c>qemu-system-x86_64 --version</c>) would only delay the launch that asked for it.
/// </summary>
internal sealed class RuntimeNegotiator : IRuntimeNegotiator
{
    private const string Auto = "auto";

    private readonly IPluginCatalog _catalog;

    public RuntimeNegotiator(IPluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    public async Task<RuntimeSelection> NegotiateAsync(string? requested, CancellationToken cancellationToken)
    {
        var providers = _catalog.RuntimeProviders;
        var requestedId = string.IsNullOrWhiteSpace(requested) ? Auto : requested.Trim();
        var isAuto = string.Equals(requestedId, Auto, StringComparison.OrdinalIgnoreCase);
        var requestedProvider = isAuto ? null : FindProvider(providers, requestedId);

        cancellationToken.ThrowIfCancellationRequested();
        if (requestedProvider is not null)
        {
            return SelectRequested(requestedProvider, await ProbeAsync(requestedProvider, cancellationToken).ConfigureAwait(false));
        }

        var probes = new Task<RuntimeProbeResult>[providers.Count];
        for (var index = 0; index < probes.Length; index++)
        {
            probes[index] = ProbeAsync(providers[index], cancellationToken);
        }

        await Task.WhenAll(probes).ConfigureAwait(false);
        var ranked = new List<ProbedProvider>(probes.Length);
        for (var index = 0; index < probes.Length; index++)
        {
            ranked.Add(new ProbedProvider(providers[index], await probes[index].ConfigureAwait(false)));
        }

        ranked.Sort(ProbedProvider.BestFirst);
        return SelectBest(ranked);
    }

    private static IRuntimeProvider FindProvider(IReadOnlyList<IRuntimeProvider> providers, string id)
    {
        var provider = providers.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (provider is not null)
        {
            return provider;
        }

        if (providers.Count == 0)
        {
            throw new PaneException(
                $"There is no runtime '{id}': no plugin provides any runtime.",
                "Run 'pane plugins' to see which plugins loaded and why others did not.");
        }

        var known = string.Join(", ", providers.Select(p => p.Id).Order(StringComparer.Ordinal));
        throw new PaneException(
            $"There is no runtime '{id}'; the known runtimes are {known}.",
            $"Use one of {known}, or 'auto' for the best available one.");
    }

    private static async Task<RuntimeProbeResult> ProbeAsync(IRuntimeProvider provider, CancellationToken cancellationToken)
    {
        try
        {
            var probe = await provider.ProbeAsync(cancellationToken).ConfigureAwait(false);
            return probe ?? RuntimeProbeResult.Unavailable(
                $"The probe of '{provider.Id}' returned no result.",
                "Report this to the author of the plugin that provides it.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (PaneException error)
        {
            return RuntimeProbeResult.Unavailable(error.Message, error.Remedy);
        }
        catch (Exception error)
        {
            return RuntimeProbeResult.Unavailable(
                $"The probe of '{provider.Id}' failed: {error.Message}",
                "Report this to the author of the plugin that provides it.");
        }
    }

    private static RuntimeSelection SelectRequested(IRuntimeProvider requested, RuntimeProbeResult probe)
    {
        if (!probe.IsAvailable)
        {
            throw new PaneException(
                $"The runtime '{requested.Id}' was requested but is unavailable: {probe.Reason}",
                probe.Remedy ?? "Run 'pane runtimes' to see which runtimes are available.");
        }

        var chosen = new RuntimeCandidate(requested, probe, "chosen: it was requested by id.");
        return new RuntimeSelection(requested.Id, [chosen], chosen);
    }

    private static RuntimeSelection SelectBest(List<ProbedProvider> ranked)
    {
        var availableCount = ranked.Count(entry => entry.Probe.IsAvailable);
        if (availableCount == 0)
        {
            var none = ranked.Select(entry => new RuntimeCandidate(entry.Provider, entry.Probe, Unavailable(entry.Probe))).ToList();
            return new RuntimeSelection(Auto, none, null);
        }

        var (bestProvider, bestProbe) = ranked[0];
        var chosen = new RuntimeCandidate(bestProvider, bestProbe, ChosenByAuto(bestProbe, availableCount));
        var candidates = new List<RuntimeCandidate>(ranked.Count) { chosen };
        foreach (var (provider, probe) in ranked.Skip(1))
        {
            string verdict;
            if (!probe.IsAvailable)
            {
                verdict = Unavailable(probe);
            }
            else if (probe.Score < bestProbe.Score)
            {
                verdict = string.Create(
                    CultureInfo.InvariantCulture,
                    $"not chosen: score {probe.Score} is below {bestProvider.Id}'s {bestProbe.Score}.");
            }
            else
            {
                verdict = string.Create(
                    CultureInfo.InvariantCulture,
                    $"not chosen: score {probe.Score} ties with {bestProvider.Id}'s, which comes first by id.");
            }

            candidates.Add(new RuntimeCandidate(provider, probe, verdict));
        }

        return new RuntimeSelection(Auto, candidates, chosen);
    }

    private static string ChosenByAuto(RuntimeProbeResult probe, int availableCount)
    {
        var how = probe.Accelerator is null
            ? string.Create(CultureInfo.InvariantCulture, $"score {probe.Score}")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"score {probe.Score}, {probe.Accelerator}{(probe.IsAccelerated ? string.Empty : ", not hardware-accelerated")}");
        return availableCount == 1
            ? $"chosen by auto: it is the only available runtime ({how})."
            : $"chosen by auto: it has the highest score of the {availableCount.ToString(CultureInfo.InvariantCulture)} available runtimes ({how}).";
    }

    private static string Unavailable(RuntimeProbeResult probe) => $"not chosen: unavailable: {probe.Reason}";
}
