using System.Globalization;
using Pane.Host.Cli.Output;

namespace Pane.Host.Cli.Runtimes;

/// <summary>Writes a <see cref="RuntimesReport"/> as text.</summary>
internal static class RuntimesView
{
    /// <summary>Writes the runtimes as a table, then each one's verdict and details, then the choice.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(RuntimesReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        if (report.Runtimes.Count == 0)
        {
            writer.WriteLine("No runtimes: no plugin provides one.");
            return;
        }

        var table = new TextTable("RUNTIME", "AVAILABLE", "SCORE", "ACCELERATOR", "VERSION");
        foreach (var runtime in report.Runtimes)
        {
            table.AddRow(
                runtime.Id,
                runtime.Available ? "yes" : "no",
                runtime.Available ? runtime.Score.ToString(CultureInfo.InvariantCulture) : "-",
                Accelerator(runtime),
                runtime.Version ?? "-");
        }

        table.Write(writer);
        writer.WriteLine();
        foreach (var runtime in report.Runtimes)
        {
            writer.WriteLine($"{runtime.Id}: {runtime.Verdict}");
            if (runtime.Remedy is not null)
            {
                writer.WriteLine($"  remedy: {runtime.Remedy}");
            }

            foreach (var (name, value) in runtime.Details)
            {
                writer.WriteLine($"  {name}: {value}");
            }
        }

        writer.WriteLine();
        var selection = report.Selection;
        writer.WriteLine(selection.Chosen is null
            ? $"{selection.Requested}: nothing can run a machine. {selection.Reason}"
            : $"{selection.Requested}: {selection.Chosen}");
    }

    private static string Accelerator(RuntimeEntry runtime) => runtime.Accelerator switch
    {
        null => "-",
        var name when runtime.Available && !runtime.Accelerated => $"{name} (slow)",
        var name => name,
    };
}
