using Pane.Host.Platform;
using Pane.Platform;

namespace Pane.Desktops.Tests;

/// <summary>Checks the Debian-family plans against this Debian machine's own package index.</summary>
public sealed class DebianPackageNamesTests
{
    [Fact]
    public async Task Every_Debian_package_of_every_recipe_exists_in_the_apt_index()
    {
        // Given
        if (!File.Exists("/usr/bin/apt-cache")
            || !Directory.Exists("/var/lib/apt/lists")
            || !Directory.EnumerateFiles("/var/lib/apt/lists", "*_Packages*").Any())
        {
            Assert.Skip("This machine has no apt package index (run apt-get update on a Debian host).");
        }

        var packages = BuiltInRecipesTests.EveryPlan()
            .Where(entry => entry.Family == DistributionFamily.Debian)
            .SelectMany(entry => entry.Plan.Packages)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        // When
        var result = await new ProcessRunner().RunAsync(
            new ProcessCommand("/usr/bin/apt-cache", ["policy", .. packages]), TestContext.Current.CancellationToken);

        // Then
        var known = ReadCandidates(result.EnsureSuccess().StandardOutputText);
        Assert.Equal(packages, packages.Where(known.Contains));
    }

    /// <summary>The packages <c>apt-cache policy</c> lists with an installable candidate.</summary>
    private static HashSet<string> ReadCandidates(string output)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.Length > 1 && !char.IsWhiteSpace(line[0]) && line.EndsWith(':'))
            {
                current = line[..^1];
            }
            else if (current is not null && line.Trim().StartsWith("Candidate:", StringComparison.Ordinal)
                && !line.Contains("(none)", StringComparison.Ordinal))
            {
                known.Add(current);
            }
        }

        return known;
    }
}
