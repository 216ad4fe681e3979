namespace Pane.Host.Cli.Recipes;

/// <summary>A recipe's plan for one distribution family, in the output of <c>pane recipes</c>.</summary>
/// <param name="Family">The family's name, such as <c>arch</c>.</param>
/// <param name="DisplayManager">The display manager it enables.</param>
/// <param name="ConflictingDisplayManagers">The display managers it disables.</param>
/// <param name="Packages">The packages it installs.</param>
/// <param name="ServicesToEnable">Further units it enables.</param>
internal sealed record RecipePlanEntry(
    string Family,
    string DisplayManager,
    IReadOnlyList<string> ConflictingDisplayManagers,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> ServicesToEnable);
