namespace Pane.Desktops;

/// <summary>
/// What a desktop needs in a guest. Recipes say <em>what</em>; the host's desktop installer decides
/// <em>how</em> (the shell steps, their markers and the verification).
/// </summary>
public interface IDesktopRecipe
{
    /// <summary>Gets the stable identifier users pass to <c>--de</c>, such as <c>xfce</c>.</summary>
    string Id { get; }

    /// <summary>Gets a short human-readable name.</summary>
    string DisplayName { get; }

    /// <summary>Gets one sentence on what the desktop is.</summary>
    string Description { get; }

    /// <summary>Gets the smallest root disk, in GiB, the desktop fits in with room to use it.</summary>
    int MinimumDiskGiB { get; }

    /// <summary>Gets how long an install usually takes on an accelerated machine with a fast network.</summary>
    TimeSpan ExpectedInstallTime { get; }

    /// <summary>Gets the plans, one per distribution family the recipe supports.</summary>
    IReadOnlyDictionary<DistributionFamily, DesktopPlan> Plans { get; }
}
