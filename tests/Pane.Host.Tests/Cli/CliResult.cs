namespace Pane.Host.Tests.Cli;

/// <summary>What one run of the command line did.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);
