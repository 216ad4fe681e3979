using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Cli;

namespace Pane.Host.Tests.Cli;

/// <summary>Runs the real <c>pane</c> command line in this process, with services swapped and output captured.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(Action<IServiceCollection>? overrides, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, new CliConsole(output, error), overrides, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
