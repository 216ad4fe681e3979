namespace Pane.Host.Cli.Launch;

/// <summary>The result of <c>pane launch --json</c>.</summary>
/// <param name="Name">The machine's name.</param>
/// <param name="Runtime">The runtime's id.</param>
/// <param name="Accelerator">The accelerator in use.</param>
/// <param name="Timeline">The boot milestones with the seconds since start.</param>
/// <param name="Stopped">How the machine stopped, or <see langword="null"/> when it was left running.</param>
/// <param name="Display">Where the VNC screen is and its password, when the machine has one.</param>
internal sealed record LaunchReport(string Name, string Runtime, string? Accelerator, IReadOnlyList<TimelineEntry> Timeline, ShutdownEntry? Stopped, DisplayEntry? Display);
