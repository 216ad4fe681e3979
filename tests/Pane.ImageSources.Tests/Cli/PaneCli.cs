using Microsoft.Extensions.DependencyInjection;
using Pane.Host;
using Pane.Host.Cli;

namespace Pane.ImageSources.Tests.Cli;

/// <summary>
/// Runs the real <c>pane</c> command line with its real built-in plugins (from <c>plugins/</c> of the test output),
/// in this process or as a process of its own, with a fresh <c>PANE_HOME</c>.
/// </summary>
internal sealed class PaneCli : IDisposable
{
    public PaneCli()
    {
        Home = Directory.CreateTempSubdirectory("pane-image-cli-").FullName;
    }

    /// <summary>Gets the <c>PANE_HOME</c> of the runs.</summary>
    public string Home { get; }

    /// <summary>Gets the path of the host, <c>pane.dll</c>.</summary>
    public static string HostPath => Path.Join(AppContext.BaseDirectory, "pane.dll");

    /// <summary>Gets the images folder of the home.</summary>
    public string Images => Path.Join(Home, "images");

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs the command line in this process with some services replaced.</summary>
    /// <param name="overrides">Registers the replacements (an <c>IPluginCatalog</c> among them means no plugin is loaded), if not <see langword="null"/>.</param>
    /// <param name="args">The arguments, after <c>--home</c>.</param>
    /// <returns>The exit code and what was written to standard output and error.</returns>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(Action<IServiceCollection>? overrides, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(["--home", Home, .. args], new CliConsole(output, error), overrides, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Lists every file under the images folder, relative to it.</summary>
    /// <returns>The files.</returns>
    public IReadOnlyList<string> ImageFiles() => Directory.Exists(Images)
        ? [.. Directory.EnumerateFiles(Images, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(Images, file)).Order(StringComparer.Ordinal)]
        : [];

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
