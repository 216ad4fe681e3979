namespace Pane.Host.DesktopInstall;

/// <summary>How far a package install has come.</summary>
/// <param name="Done">The packages installed so far.</param>
/// <param name="Total">The packages to install, or 0 while the package manager has not said.</param>
internal readonly record struct PackageProgress(int Done, int Total);
