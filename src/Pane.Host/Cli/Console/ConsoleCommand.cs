using Pane.Host.Cli.Launch;
using Pane.Host.Machines;

namespace Pane.Host.Cli.Console;

/// <summary><c>pane console</c>: attaches the terminal to a detached machine.</summary>
internal sealed class ConsoleCommand
{
    private readonly MachineController _machines;
    private readonly TerminalAttachment _terminal;
    private readonly CliConsole _console;

    public ConsoleCommand(MachineController machines, TerminalAttachment terminal, CliConsole console)
    {
        _machines = machines;
        _terminal = terminal;
        _console = console;
    }

    public async Task<int> ExecuteAsync(string name, CancellationToken cancellationToken)
    {
        var machine = await _machines.AttachAsync(name, cancellationToken).ConfigureAwait(false);
        await using (machine.ConfigureAwait(false))
        {
            await _console.Output.WriteLineAsync($"Attached to the console of '{name}'; Ctrl+] detaches.").ConfigureAwait(false);
            var detached = await _terminal.AttachAsync(machine.Console, cancellationToken).ConfigureAwait(false);
            await _console.Output.WriteLineAsync(detached ? "\r\nDetached." : $"\r\nMachine '{name}' stopped.").ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }
}
