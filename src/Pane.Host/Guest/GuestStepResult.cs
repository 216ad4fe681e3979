namespace Pane.Host.Guest;

/// <summary>How a <see cref="GuestStep"/> ended.</summary>
/// <param name="ExitCode">The exit status the step's subshell returned.</param>
/// <param name="Output">What the step printed, line by line, secrets redacted and kernel messages removed.</param>
internal sealed record GuestStepResult(int ExitCode, IReadOnlyList<string> Output);
