using System.Diagnostics;

namespace Pane.Runtime.Native.Tests.EndToEnd;

/// <summary>A script of tests/fixtures/nested run to its end, with what it printed.</summary>
/// <param name="ExitCode">The script's exit status.</param>
/// <param name="Output">Its standard output.</param>
/// <param name="Error">Its standard error.</param>
internal sealed record NestedScript(int ExitCode, string Output, string Error)
{
    /// <summary>Runs tests/fixtures/nested/<paramref name="name"/> with <paramref name="arguments"/>.</summary>
    /// <param name="name">The script's file name.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Variables to set for it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests; it kills the script.</param>
    /// <returns>The finished script.</returns>
    public static async Task<NestedScript> RunAsync(
        string name, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(Folder, name))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new NestedScript(process.ExitCode, await output, await error);
    }

    /// <summary>Gets tests/fixtures/nested of the repository the tests were built in.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "tests", "fixtures", "nested");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pane.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the Pane repository.");
    }
}
