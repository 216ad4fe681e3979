namespace Pane.Runtimes;

/// <summary>How a machine was stopped.</summary>
/// <param name="Method">Which path ended the machine.</param>
/// <param name="Waited">How long the host waited for it.</param>
public sealed record ShutdownResult(ShutdownMethod Method, TimeSpan Waited);
