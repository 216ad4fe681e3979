namespace Pane.Host.Platform.Facts;

/// <summary>Something about the host that keeps Pane from working well, and what to do about it.</summary>
/// <param name="Subject">What it is about: <c>virtualization</c>, <c>memory</c>, <c>pane-home</c> or <c>disk</c>.</param>
/// <param name="Message">One sentence on what is wrong.</param>
/// <param name="Remedy">One sentence on what to do.</param>
internal sealed record HostProblem(string Subject, string Message, string Remedy);
