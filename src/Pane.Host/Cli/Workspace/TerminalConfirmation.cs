namespace Pane.Host.Cli.Workspace;

/// <summary>Asks on the terminal: the question on standard error, the answer from standard input; only y or yes agrees.</summary>
internal sealed class TerminalConfirmation : IConfirmation
{
    private readonly CliConsole _console;

    public TerminalConfirmation(CliConsole console)
    {
        _console = console;
    }

    public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        if (System.Console.IsInputRedirected)
        {
            throw new PaneException("This command discards data and needs a confirmation, but its input is not a terminal.", "Pass --yes to confirm up front.");
        }

        await _console.Error.WriteAsync($"{question} [y/N] ").ConfigureAwait(false);
        var answer = await System.Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return answer?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
