using System.Globalization;
using Pane.Host.Cli.Output;
using Pane.Host.Cli.Plugins;
using Pane.Host.Cli.Recipes;
using Pane.Host.Cli.Runtimes;
using Pane.Host.Platform.Facts;

namespace Pane.Host.Cli.Doctor;

/// <summary>Writes a <see cref="DoctorReport"/> as text, section by section.</summary>
internal static class DoctorView
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(DoctorReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("Host");
        WriteHost(report.Host, writer);
        writer.WriteLine();
        writer.WriteLine("Default image");
        var image = report.DefaultImage;
        writer.WriteLine($"  {image.Reference} ({image.Origin}); {(image.InStore ? "in the store" : "not in the store yet: the first 'pane launch' acquires it")}");
        if (image.Fallback is { } fallback)
        {
            writer.WriteLine($"  when its server cannot be reached: {fallback}, built locally");
        }

        writer.WriteLine();
        writer.WriteLine("Plugins");
        PluginsView.WriteTable(report.Plugins, writer);
        writer.WriteLine();
        writer.WriteLine("Runtimes");
        RuntimesView.Write(report.Runtimes, writer);
        writer.WriteLine();
        writer.WriteLine("Recipes");
        RecipesView.Write(report.Recipes, writer);
        writer.WriteLine();
        writer.WriteLine("Problems");
        if (report.Problems.Count == 0)
        {
            writer.WriteLine("None found.");
        }

        foreach (var problem in report.Problems)
        {
            writer.WriteLine($"{problem.Subject}: {problem.Message}");
            writer.WriteLine($"  remedy: {problem.Remedy}");
        }

        writer.WriteLine();
        writer.WriteLine(report.CanRunVirtualMachines
            ? $"Pane can run virtual machines here: auto picks {report.Runtimes.Selection.Chosen}."
            : "Nothing can run a virtual machine here.");
    }

    private static void WriteHost(HostEntry host, TextWriter writer)
    {
        var table = new TextTable(string.Empty, string.Empty) { ShowHeader = false, Indent = "  " };
        table.AddRow("operating system", $"{host.OperatingSystem} ({host.Architecture})");
        table.AddRow("logical CPUs", host.LogicalProcessors.ToString(CultureInfo.InvariantCulture));
        table.AddRow("memory", host.PhysicalMemoryBytes is { } memory ? HostFactsCollector.FormatBytes(memory) : "unknown");
        table.AddRow("virtualization", Virtualization(host.Virtualization));
        foreach (var hypervisor in host.Hypervisors)
        {
            table.AddRow(
                hypervisor.Kind,
                hypervisor.Usable ? $"usable ({hypervisor.Detail})" : $"not usable: {hypervisor.Reason}");
        }

        table.AddRow("PANE_HOME", $"{host.PaneHome} ({(host.PaneHomeWritable ? "writable" : "not writable")})");
        table.AddRow("free disk", host.FreeDiskBytes is { } free ? HostFactsCollector.FormatBytes(free) : "unknown");
        table.Write(writer);
    }

    private static string Virtualization(VirtualizationEntry virtualization)
    {
        var answer = virtualization.Available switch
        {
            true => "yes",
            false => "no",
            null => "unknown",
        };
        var nested = virtualization.RunsUnderHypervisor == true ? "; this host is itself a virtual machine" : string.Empty;
        return $"{answer} ({virtualization.Detail}{nested})";
    }
}
