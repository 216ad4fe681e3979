namespace Pane.Host.Cli;

/// <summary>Where a command writes: its results to <see cref="Output"/>, warnings and errors to <see cref="Error"/>.</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliConsole(TextWriter Output, TextWriter Error);
