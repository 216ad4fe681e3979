using Pane.Desktops;

namespace Pane.Host.DesktopInstall;

/// <summary>
/// How one distribution family's package manager is driven from a shell script: getting it ready, installing
/// packages, telling whether a package is installed, and reading its progress from its output.
/// </summary>
internal abstract class PackageManagerScript
{
    /// <summary>Gets the family.</summary>
    public abstract DistributionFamily Family { get; }

    /// <summary>Gets the script that readies the package manager (keyrings, package lists).</summary>
    public abstract string Prepare { get; }

    /// <summary>
    /// Gets the packages that hold <c>sfdisk</c>, <c>partx</c> and <c>resize2fs</c>, which a minimal image may lack
    /// and growing the root disk needs.
    /// </summary>
    public abstract IReadOnlyList<string> DiskToolPackages { get; }

    /// <summary>Finds the script of a family.</summary>
    /// <param name="family">The family.</param>
    /// <returns>Its script.</returns>
    /// <exception cref="PaneException">Pane does not know the family's package manager.</exception>
    public static PackageManagerScript For(DistributionFamily family) =>
        family == DistributionFamily.Arch ? new PacmanScript()
        : family == DistributionFamily.Debian ? new AptScript()
        : family == DistributionFamily.Fedora ? new DnfScript()
        : throw new PaneException(
            $"Pane's desktop installer does not know the package manager of the '{family}' family.",
            "Use an image of the arch, debian or fedora family.");

    /// <summary>Builds the script that installs packages.</summary>
    /// <param name="packages">The packages, by the family's names.</param>
    /// <returns>The script.</returns>
    public abstract string Install(IReadOnlyList<string> packages);

    /// <summary>Builds a shell condition that holds when the package in <c>$package</c> is installed.</summary>
    /// <returns>The condition.</returns>
    public abstract string IsInstalledCondition();

    /// <summary>Creates a reader of the install's output.</summary>
    /// <returns>A fresh reader.</returns>
    public abstract IPackageProgressReader CreateProgressReader();

    /// <summary>Joins package names into shell words (they are validated to need no quoting).</summary>
    /// <param name="packages">The names.</param>
    /// <returns>The words.</returns>
    protected static string Words(IReadOnlyList<string> packages) => string.Join(' ', packages);
}
