namespace Pane.Host.Cli.Doctor;

/// <summary>A problem <c>pane doctor</c> found, and what to do about it.</summary>
/// <param name="Subject">What it is about: <c>virtualization</c>, <c>memory</c>, <c>pane-home</c>, <c>disk</c>,
/// <c>plugin:NAME</c> or <c>runtimes</c>.</param>
/// <param name="Message">One sentence on what is wrong.</param>
/// <param name="Remedy">One sentence on what to do.</param>
internal sealed record ProblemEntry(string Subject, string Message, string Remedy);
