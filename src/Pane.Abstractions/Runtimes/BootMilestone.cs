namespace Pane.Runtimes;

/// <summary>A point in a guest's boot, seen on its serial console.</summary>
/// <param name="Kind">Which milestone.</param>
/// <param name="Elapsed">The time since the machine was started.</param>
/// <param name="Line">The console line that showed it, escape sequences removed.</param>
public sealed record BootMilestone(BootMilestoneKind Kind, TimeSpan Elapsed, string Line);
