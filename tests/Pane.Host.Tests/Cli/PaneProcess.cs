using Pane.Host.Platform;
using Pane.Platform;

namespace Pane.Host.Tests.Cli;

/// <summary>
/// Runs the real <c>pane</c> host, built next to the tests with its built-in plugins in <c>plugins/</c>, as a
/// process of its own with a fresh <c>PANE_HOME</c>.
/// </summary>
internal sealed class PaneProcess : IDisposable
{
    private static readonly string s_host = Path.Join(AppContext.BaseDirectory, "pane.dll");

    public PaneProcess()
    {
        Home = Directory.CreateTempSubdirectory("pane-cli-test-").FullName;
    }

    /// <summary>Gets the <c>PANE_HOME</c> of the runs.</summary>
    public string Home { get; }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var command = new ProcessCommand("dotnet", [s_host, .. args])
        {
            Timeout = TimeSpan.FromMinutes(2),
            Environment = new Dictionary<string, string> { ["PANE_HOME"] = Home },
        };
        var result = await new ProcessRunner().RunAsync(command, TestContext.Current.CancellationToken);
        return new CliResult(result.ExitCode, result.StandardOutputText, result.StandardError);
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
