using System.Globalization;
using Pane.Host.Machines;
using Pane.Runtimes;

namespace Pane.Host.Cli.Stop;

/// <summary><c>pane stop</c>: says which path stopped the machine and how long it waited.</summary>
internal sealed class StopCommand
{
    private readonly MachineController _machines;
    private readonly CliConsole _console;

    public StopCommand(MachineController machines, CliConsole console)
    {
        _machines = machines;
        _console = console;
    }

    public async Task<int> ExecuteAsync(string name, TimeSpan grace, CancellationToken cancellationToken)
    {
        var result = await _machines.StopAsync(name, grace, cancellationToken).ConfigureAwait(false);
        await _console.Output.WriteLineAsync(Describe(name, result)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Says how a machine stopped, in one sentence.</summary>
    /// <param name="name">The machine's name.</param>
    /// <param name="result">How it stopped.</param>
    /// <returns>The sentence.</returns>
    public static string Describe(string name, ShutdownResult result)
    {
        var waited = result.Waited.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return result.Method switch
        {
            ShutdownMethod.AcpiPowerdown => $"Machine '{name}' powered off after the ACPI power button ({waited} s).",
            ShutdownMethod.ConsolePoweroff => $"Machine '{name}' powered off after 'poweroff' on its console ({waited} s).",
            ShutdownMethod.Killed => $"Machine '{name}' did not power off within {waited} s and was killed.",
            _ => $"Machine '{name}' was not running.",
        };
    }
}
