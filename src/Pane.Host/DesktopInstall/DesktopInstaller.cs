using Pane.Desktops;
using Pane.Host.DiskImages.Boot;
using Pane.Host.Guest;
using Pane.Host.Plugins;

namespace Pane.Host.DesktopInstall;

/// <summary>
/// <c>pane install-desktop</c>'s engine: works out the steps for the recipe and the guest's family, grows the root
/// overlay before boot when the recipe needs more disk, runs the steps on the guest's serial root shell with the
/// package manager's progress, verifies the result in the guest, and powers off cleanly so the overlay keeps it.
/// </summary>
internal sealed class DesktopInstaller
{
    /// <summary>How many times a recipe's expected install time the install may take by default (30 min for XFCE, 90 for GNOME and KDE).</summary>
    public const int DefaultTimeoutFactor = 3;

    private readonly IPluginCatalog _catalog;
    private readonly GuestSessionOpener _sessions;
    private readonly IBootArtifactDeriver _boot;
    private readonly RootDiskGrower _disks;

    public DesktopInstaller(IPluginCatalog catalog, GuestSessionOpener sessions, IBootArtifactDeriver boot, RootDiskGrower disks)
    {
        _catalog = catalog;
        _sessions = sessions;
        _boot = boot;
        _disks = disks;
    }

    /// <summary>Gets the default install timeout of a recipe.</summary>
    /// <param name="recipe">The recipe.</param>
    /// <returns>The timeout.</returns>
    public static TimeSpan DefaultTimeout(IDesktopRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return recipe.ExpectedInstallTime * DefaultTimeoutFactor;
    }

    /// <summary>Works out the install without touching the machine.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="PaneException">The recipe is unknown, has no plan for the guest's family, or the family cannot be told.</exception>
    public async Task<DesktopInstallPlan> PlanAsync(DesktopInstallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipe = _catalog.DesktopRecipes.FirstOrDefault(candidate => candidate.Id == request.RecipeId)
            ?? throw new PaneException(
                $"No plugin offers a desktop recipe '{request.RecipeId}' (there are: {string.Join(", ", _catalog.DesktopRecipes.Select(candidate => candidate.Id))}).",
                "Run 'pane recipes' to list the recipes, or install the plugin that provides it.");
        if (request.DiskGiB is <= 0)
        {
            throw new PaneException("--disk-gib must be a positive number of GiB.", $"Leave it out for the recipe's {recipe.MinimumDiskGiB} GiB.");
        }

        var family = request.Family ?? await FamilyOfAsync(request.Machine, cancellationToken).ConfigureAwait(false);
        return DesktopScript.Build(recipe, family, request.DiskGiB ?? recipe.MinimumDiskGiB, request.Timeout ?? DefaultTimeout(recipe));
    }

    /// <summary>Installs the desktop.</summary>
    /// <param name="request">The request.</param>
    /// <param name="output">Where progress is written.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What the guest holds now.</returns>
    /// <exception cref="PaneException">The request or the machine cannot be used.</exception>
    /// <exception cref="GuestStepFailedException">A step failed or timed out, or the guest does not show the desktop installed.</exception>
    public async Task<DesktopInstallResult> InstallAsync(DesktopInstallRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var plan = await PlanAsync(request, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Installing '{plan.Recipe.Id}' ({plan.Recipe.DisplayName}) for the {plan.Family} family: {plan.Plan.Packages.Count} packages, display manager {plan.Plan.DisplayManager}").ConfigureAwait(false);
        if (plan.TargetDiskGiB is { } gib)
        {
            await GrowOverlayAsync(request.Machine, gib, output, cancellationToken).ConfigureAwait(false);
        }

        var session = await _sessions.OpenAsync(request.Machine, "install-desktop", SecretRedactor.None, output, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var verified = await RunStepsAsync(plan, session.Shell, output, session.Transcript.Path, cancellationToken).ConfigureAwait(false);
            var shutdown = await session.PowerOffAsync(cancellationToken).ConfigureAwait(false);
            return new DesktopInstallResult(plan, verified, shutdown);
        }
    }

    /// <summary>Runs a plan's steps on a guest shell, the last one being its verification, and judges the guest's report.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="shell">The guest's root shell.</param>
    /// <param name="output">Where progress is written.</param>
    /// <param name="transcriptPath">The session's transcript, named in errors.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The verification's report lines.</returns>
    /// <exception cref="GuestStepFailedException">A step failed or timed out, or the report shows the desktop is not installed as planned.</exception>
    public static async Task<IReadOnlyList<string>> RunStepsAsync(DesktopInstallPlan plan, GuestShell shell, TextWriter output, string? transcriptPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shell);
        ArgumentNullException.ThrowIfNull(output);
        GuestStepResult? verification = null;
        for (var index = 0; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            await output.WriteLineAsync($"Step {index + 1}/{plan.Steps.Count}: {step.Title}").ConfigureAwait(false);
            var onOutput = step == plan.InstallStep ? ProgressPrinter(plan.PackageManager.CreateProgressReader(), output) : null;
            var result = await shell.RunCheckedAsync(step, onOutput, cancellationToken).ConfigureAwait(false);
            if (step == plan.VerifyStep)
            {
                verification = result;
            }
        }

        var report = verification?.Output ?? [];
        IReadOnlyList<string> problems = verification is null ? ["The plan has no verification step."] : DesktopVerifier.Check(plan, report);
        if (problems.Count > 0)
        {
            throw new GuestStepFailedException(
                $"The desktop '{plan.Recipe.Id}' is not installed as planned: {string.Join(" ", problems)}",
                $"Read the guest's report below and the session in {transcriptPath ?? "the transcript"}; run the command again once the cause is fixed.",
                GuestShell.Tail(report));
        }

        return [.. report.Where(line => line.StartsWith(DesktopScript.CheckPrefix, StringComparison.Ordinal))];
    }

    private static Action<string> ProgressPrinter(IPackageProgressReader reader, TextWriter output)
    {
        var last = default(PackageProgress);
        return line =>
        {
            if (reader.TryRead(line, out var progress) && progress != last)
            {
                last = progress;
                output.WriteLine(progress.Total > 0 ? $"  packages {progress.Done}/{progress.Total}" : $"  packages {progress.Done}");
            }
        };
    }

    private async Task GrowOverlayAsync(GuestMachineRequest machine, int gib, TextWriter output, CancellationToken cancellationToken)
    {
        var overlay = _sessions.RootOverlayOf(machine.Name);
        if (_sessions.IsRunning(machine.Name))
        {
            if (File.Exists(overlay) && RootDiskGrower.SizeOf(overlay, overlay) < gib * 1024L * 1024 * 1024)
            {
                throw new PaneException(
                    $"Machine '{machine.Name}' runs with a root disk smaller than the {gib} GiB the desktop needs, and Pane grows it only while the machine is off.",
                    $"Stop it with 'pane stop --name {machine.Name}' and run this command again.");
            }

            return;
        }

        var image = _sessions.ResolveImage(machine);
        var (before, grown) = await _disks.EnsureAsync(overlay, image, gib, cancellationToken).ConfigureAwait(false);
        if (grown)
        {
            await output.WriteLineAsync($"Grew the root disk from {before / (1024.0 * 1024 * 1024):0.##} GiB to {gib} GiB (the base image is unchanged)").ConfigureAwait(false);
        }
    }

    private async Task<DistributionFamily> FamilyOfAsync(GuestMachineRequest machine, CancellationToken cancellationToken)
    {
        var image = _sessions.ResolveImage(machine);
        var boot = await _boot.DeriveAsync(image, cancellationToken).ConfigureAwait(false);
        return boot.Artifacts.Family ?? throw new PaneException(
            $"Pane cannot tell the distribution family of '{image}' from its os-release.",
            "Name it with --family arch|debian|fedora.");
    }
}
