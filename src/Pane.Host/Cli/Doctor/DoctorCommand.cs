using Pane.Host.Cli.Output;
using Pane.Host.Cli.Plugins;
using Pane.Host.Cli.Recipes;
using Pane.Host.Cli.Runtimes;
using Pane.Host.Images;
using Pane.Host.Platform.Facts;
using Pane.Host.Plugins;
using Pane.Host.Runtimes;
using Pane.Platform;

namespace Pane.Host.Cli.Doctor;

/// <summary>
/// <c>pane doctor</c>: host facts, plugins, runtimes and recipes, each problem with its remedy; fails when
/// nothing can run a virtual machine.
/// </summary>
internal sealed class DoctorCommand
{
    private readonly IPluginCatalog _catalog;
    private readonly IRuntimeNegotiator _negotiator;
    private readonly IHostFactsCollector _facts;
    private readonly IHypervisorProbe _hypervisors;
    private readonly IHostPlatform _platform;
    private readonly IPaneHome _home;
    private readonly DefaultImageResolver _defaultImage;
    private readonly ImageStore _images;
    private readonly CliConsole _console;

    public DoctorCommand(
        IPluginCatalog catalog,
        IRuntimeNegotiator negotiator,
        IHostFactsCollector facts,
        IHypervisorProbe hypervisors,
        IHostPlatform platform,
        IPaneHome home,
        DefaultImageResolver defaultImage,
        ImageStore images,
        CliConsole console)
    {
        _catalog = catalog;
        _negotiator = negotiator;
        _facts = facts;
        _hypervisors = hypervisors;
        _platform = platform;
        _home = home;
        _defaultImage = defaultImage;
        _images = images;
        _console = console;
    }

    /// <summary>Examines the host and writes the findings.</summary>
    /// <param name="json">Whether to write JSON.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code: failure when nothing can run a virtual machine, else success.</returns>
    public async Task<int> ExecuteAsync(bool json, CancellationToken cancellationToken)
    {
        var negotiation = _negotiator.NegotiateAsync(requested: null, cancellationToken);
        var hypervisors = ProbeHypervisorsAsync(cancellationToken);
        var facts = await Task.Run(() => _facts.Collect(_home.Root), cancellationToken).ConfigureAwait(false);
        var runtimes = RuntimesReport.From(await negotiation.ConfigureAwait(false));
        var plugins = PluginsReport.From(_catalog);
        var canRun = runtimes.Selection.Chosen is not null;

        var problems = facts.Problems.Select(p => new ProblemEntry(p.Subject, p.Message, p.Remedy)).ToList();
        problems.AddRange(plugins.Errors.Select(e => new ProblemEntry($"plugin:{e.Name}", $"The plugin '{e.Name}' ({e.Path}) did not load: {e.Reason}", e.Remedy)));
        if (!canRun)
        {
            problems.Add(new ProblemEntry(
                "runtimes",
                runtimes.Runtimes.Count == 0
                    ? "Nothing can run a virtual machine: no plugin provides a runtime."
                    : "Nothing can run a virtual machine: every runtime is unavailable.",
                runtimes.Runtimes.Count == 0
                    ? "Reinstall Pane so that its built-in plugins are next to it, or add a runtime plugin to PANE_HOME/plugins."
                    : "Follow the remedy of one of the runtimes listed above."));
        }

        var host = new HostEntry(
            facts.OperatingSystem,
            facts.Architecture.ToString().ToLowerInvariant(),
            facts.LogicalProcessors,
            facts.PhysicalMemoryBytes,
            new VirtualizationEntry(facts.Virtualization.IsAvailable, facts.Virtualization.RunsUnderHypervisor, facts.Virtualization.Detail),
            await hypervisors.ConfigureAwait(false),
            facts.PaneHome,
            facts.PaneHomeWritable,
            facts.FreeDiskBytes);
        var defaultImage = _defaultImage.Resolve();
        var imageEntry = new DefaultImageEntry(defaultImage.Reference, defaultImage.Origin, _images.Find(defaultImage.Reference) is not null, defaultImage.Fallback);
        var report = new DoctorReport(host, plugins, runtimes, RecipesReport.From(_catalog), imageEntry, problems, canRun);
        if (json)
        {
            JsonOutput.Write(_console.Output, report, JsonOutput.Context.DoctorReport);
        }
        else
        {
            DoctorView.Write(report, _console.Output);
        }

        return canRun ? ExitCodes.Success : ExitCodes.Failure;
    }

    private async Task<IReadOnlyList<HypervisorEntry>> ProbeHypervisorsAsync(CancellationToken cancellationToken)
    {
        (HypervisorKind Kind, string Name)[] kinds = _platform.OperatingSystem switch
        {
            HostOperatingSystem.Linux => [(HypervisorKind.Kvm, "kvm")],
            HostOperatingSystem.Windows => [(HypervisorKind.WindowsHypervisorPlatform, "whp")],
            _ => [],
        };
        var entries = new List<HypervisorEntry>(kinds.Length);
        foreach (var (kind, name) in kinds)
        {
            var status = await _hypervisors.ProbeAsync(kind, cancellationToken).ConfigureAwait(false);
            entries.Add(new HypervisorEntry(name, status.IsUsable, status.Detail, status.Reason, status.Remedy));
        }

        return entries;
    }
}
