namespace Pane.Desktops;

/// <summary>A family of Linux distributions that share a package manager and package names.</summary>
/// <param name="Name">The family's lower-case name, such as <c>arch</c>.</param>
public readonly record struct DistributionFamily(string Name)
{
    /// <summary>Gets Arch Linux and its derivatives (pacman).</summary>
    public static DistributionFamily Arch { get; } = new("arch");

    /// <summary>Gets Debian, Ubuntu and their derivatives (apt).</summary>
    public static DistributionFamily Debian { get; } = new("debian");

    /// <summary>Gets Fedora and its relatives (dnf).</summary>
    public static DistributionFamily Fedora { get; } = new("fedora");

    /// <inheritdoc/>
    public override string ToString() => Name;
}
