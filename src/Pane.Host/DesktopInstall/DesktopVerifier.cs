using System.Globalization;

namespace Pane.Host.DesktopInstall;

/// <summary>Judges the verification step's report: an install succeeds only when the guest shows every part of it.</summary>
internal static class DesktopVerifier
{
    /// <summary>How much of the target disk size the root filesystem must have (partition tables, reserved blocks and metadata take the rest).</summary>
    private const double MinimumRootShare = 0.85;

    /// <summary>Checks the report.</summary>
    /// <param name="plan">The install.</param>
    /// <param name="output">The verification step's output.</param>
    /// <returns>One sentence per problem; empty when everything holds.</returns>
    public static IReadOnlyList<string> Check(DesktopInstallPlan plan, IReadOnlyList<string> output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var checks = output
            .Where(line => line.StartsWith(DesktopScript.CheckPrefix, StringComparison.Ordinal))
            .Select(line => line[DesktopScript.CheckPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 1)
            .ToList();
        string? Value(string kind, string? key = null) =>
            checks.FirstOrDefault(fields => fields[0] == kind && (key is null || (fields.Length > 1 && fields[1] == key))) is { } fields
                ? fields.Length > (key is null ? 1 : 2) ? fields[key is null ? 1 : 2] : string.Empty
                : null;

        var problems = new List<string>();
        var missing = plan.Plan.Packages.Where(package => Value("package", package) != "installed").ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} of {plan.Plan.Packages.Count} packages are not installed: {string.Join(", ", missing)}.");
        }

        var chosen = $"{plan.Plan.DisplayManager}.service";
        var displayManager = Value("display-manager");
        if (displayManager != chosen)
        {
            problems.Add($"display-manager.service points to '{(string.IsNullOrEmpty(displayManager) ? "nothing" : displayManager)}', not {chosen}.");
        }

        var target = Value("default-target");
        if (target != "graphical.target")
        {
            problems.Add($"The default target is '{(string.IsNullOrEmpty(target) ? "unknown" : target)}', not graphical.target.");
        }

        var chosenFile = checks.FirstOrDefault(fields => fields is ["manager", _, _, _] && fields[1] == plan.Plan.DisplayManager)?[3] ?? chosen;
        var alsoEnabled = checks
            .Where(fields => fields.Length >= 3 && fields[0] == "manager" && fields[1] != plan.Plan.DisplayManager && fields[2] == "enabled")
            .Where(fields => (fields.Length > 3 ? fields[3] : $"{fields[1]}.service") != chosenFile)
            .Select(fields => fields[1])
            .ToList();
        if (alsoEnabled.Count > 0)
        {
            problems.Add($"Other display managers are enabled too: {string.Join(", ", alsoEnabled)}.");
        }

        if (checks.FirstOrDefault(fields => fields is ["x11-default-display-manager", _, _]) is [_, var named, var program] && named != program)
        {
            problems.Add($"/etc/X11/default-display-manager names '{named}', not {program}, so {chosen} would refuse to start.");
        }

        foreach (var unit in plan.Services.Where(unit => Value("unit", unit) != "enabled"))
        {
            problems.Add($"{unit} is not enabled ({Value("unit", unit) ?? "not reported"}).");
        }

        if (plan.TargetDiskGiB is { } gib)
        {
            var kib = Value("root-kib");
            if (!long.TryParse(kib, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < gib * MinimumRootShare * 1024 * 1024)
            {
                problems.Add($"The root filesystem has {kib ?? "an unknown number of"} KiB, short of the {gib} GiB disk.");
            }
        }

        return problems;
    }
}
