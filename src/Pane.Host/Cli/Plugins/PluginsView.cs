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
            table.AddRow(plugin.Name, ShortVersion(plugin.Version), contributes, plugin.Path);
        }

        table.Write(writer);
    }

    /// <summary>Shortens a commit id after <c>+</c> in a version to its first seven characters, as git does.</summary>
    /// <param name="version">An informational version such as <c>0.1.0+3c9e5d1f...</c>.</param>
    /// <returns>The version, shortened.</returns>
    public static string ShortVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var metadata = plus < 0 ? string.Empty : version[(plus + 1)..];
        return metadata.Length > 7 && metadata.All(char.IsAsciiHexDigit) ? version[..(plus + 8)] : version;
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
