using System.Globalization;
using Pane.Host.Cli.Output;

namespace Pane.Host.Cli.Recipes;

/// <summary>Writes a <see cref="RecipesReport"/> as text.</summary>
internal static class RecipesView
{
    /// <summary>Writes the recipes as a table.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(RecipesReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        if (report.Recipes.Count == 0)
        {
            writer.WriteLine("No desktop recipes: no plugin provides one.");
            return;
        }

        var table = new TextTable("RECIPE", "NAME", "FAMILIES", "DISPLAY MANAGER", "MIN DISK", "EXPECTED", "PLUGIN");
        foreach (var recipe in report.Recipes)
        {
            table.AddRow(
                recipe.Id,
                recipe.Name,
                string.Join(", ", recipe.Families),
                string.Join(", ", recipe.DisplayManagers),
                string.Create(CultureInfo.InvariantCulture, $"{recipe.MinimumDiskGiB} GiB"),
                Duration(recipe.ExpectedInstallSeconds),
                recipe.Plugin ?? "-");
        }

        table.Write(writer);
    }

    private static string Duration(long seconds) => seconds >= 60
        ? string.Create(CultureInfo.InvariantCulture, $"{(seconds + 30) / 60} min")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds} s");
}
