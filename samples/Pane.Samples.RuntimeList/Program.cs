using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;
using Pane.Host.Runtimes;

// Hosts the Pane engine in a console app and lists what it found: plugins, load errors, desktop recipes, runtimes.
// Usage: Pane.Samples.RuntimeList [PANE_HOME]
var services = new ServiceCollection();
services.AddPane(options =>
{
    if (args.Length > 0)
    {
        options.Home = args[0];
    }
});

using var provider = services.BuildServiceProvider();
var catalog = provider.GetRequiredService<IPluginCatalog>();
foreach (var plugin in catalog.Plugins)
{
    Console.WriteLine($"plugin  {plugin.Name} {plugin.Version}: {string.Join(", ", plugin.Contributions.Select(c => c.Id))}");
}

foreach (var error in catalog.Errors)
{
    Console.WriteLine($"warning {error.Name}: {error.Reason} {error.Remedy}");
}

foreach (var recipe in catalog.DesktopRecipes)
{
    Console.WriteLine($"recipe  {recipe.Id}: {recipe.DisplayName}");
}

var selection = await provider.GetRequiredService<IRuntimeNegotiator>().NegotiateAsync("auto", CancellationToken.None);
foreach (var candidate in selection.Candidates)
{
    var probe = candidate.Probe;
    var state = probe.IsAvailable ? $"available, score {probe.Score}, {probe.Accelerator} {probe.Version}" : $"unavailable: {probe.Reason}";
    Console.WriteLine($"runtime {candidate.Provider.Id}: {state} ({candidate.Verdict})");
}

Console.WriteLine($"auto    {selection.Chosen?.Provider.Id ?? "none"}");
