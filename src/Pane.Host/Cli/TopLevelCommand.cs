using System.CommandLine;

namespace Pane.Host.Cli;

/// <summary>A command directly under <c>pane</c>: its name, and how to build it.</summary>
/// <param name="Name">The name the user types, such as <c>runtimes</c>.</param>
/// <param name="Create">Builds the command with its options and subcommands.</param>
internal sealed record TopLevelCommand(string Name, Func<CliHost, Command> Create);
