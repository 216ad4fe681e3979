namespace Pane.Host.Guest;

/// <summary>One step Pane runs in a guest's root shell: a shell script, run in a subshell between completion markers.</summary>
internal sealed record GuestStep
{
    /// <summary>Gets what the step does, in a few words (<c>Install the packages</c>).</summary>
    public required string Title { get; init; }

    /// <summary>Gets the POSIX shell script; it runs in a subshell, so <c>set -e</c> and <c>cd</c> stay inside it.</summary>
    public required string Script { get; init; }

    /// <summary>Gets how long the step may take, from sending it to its completion marker.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets lines typed on the console once the step has started, for the script's <c>read</c> to take (passwords):
    /// they never become part of a command line, so the shell neither echoes them nor keeps them in its history.
    /// </summary>
    public IReadOnlyList<string> Input { get; init; } = [];
}
