using Pane.Host.Cli.Output;

namespace Pane.Host.Cli.Plugins;

/// <summary>Writes a <see cref="PluginsReport"/> as text.</summary>
internal static class PluginsView
{
    /// <summary>Writes the loaded plugins as a table.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteTable(PluginsReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        if (report.Plugins.Count == 0)
        {
            writer.WriteLine("No plugins loaded.");
            return;
        }

        var table = new TextTable("PLUGIN", "VERSION", "CONTRIBUTES", "PATH");
        foreach (var plugin in report.Plugins)
        {
            var contributes = plugin.Contributions.Count == 0
                ? "-"
                : string.Join(", ", plugin.Contributions.Select(c => $"{c.Kind} {c.Id}"));
            table.AddRow(plugin.Name, plugin.Version, contributes, plugin.Path);
        }

        table.Write(writer);
    }

    /// <summary>Writes one warning per plugin load error.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write, normally standard error.</param>
    public static void WriteWarnings(PluginsReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var error in report.Errors)
        {
            writer.WriteLine($"warning: plugin '{error.Name}' ({error.Path}): {error.Reason}");
            writer.WriteLine($"  remedy: {error.Remedy}");
        }
    }
}
