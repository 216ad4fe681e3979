using Pane.Host.Cli.Plugins;
using Pane.Host.Cli.Recipes;
using Pane.Host.Cli.Runtimes;

namespace Pane.Host.Cli.Doctor;

/// <summary>The result of <c>pane doctor</c>: the host, the plugins, runtimes and recipes, and every problem found.</summary>
/// <param name="Host">Facts about the host.</param>
/// <param name="Plugins">What <c>pane plugins</c> reports.</param>
/// <param name="Runtimes">What <c>pane runtimes</c> reports.</param>
/// <param name="Recipes">What <c>pane recipes</c> reports.</param>
/// <param name="DefaultImage">The image <c>pane launch</c> uses when none is given.</param>
/// <param name="Problems">Each problem with its remedy; empty when all is well.</param>
/// <param name="CanRunVirtualMachines">Whether some runtime can run a virtual machine here.</param>
internal sealed record DoctorReport(
    HostEntry Host,
    PluginsReport Plugins,
    RuntimesReport Runtimes,
    RecipesReport Recipes,
    DefaultImageEntry DefaultImage,
    IReadOnlyList<ProblemEntry> Problems,
    bool CanRunVirtualMachines);
