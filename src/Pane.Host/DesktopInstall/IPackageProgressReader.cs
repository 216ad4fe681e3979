namespace Pane.Host.DesktopInstall;

/// <summary>Reads a package manager's output line by line and tells how far its install has come.</summary>
internal interface IPackageProgressReader
{
    /// <summary>Reads one line of output.</summary>
    /// <param name="line">The line.</param>
    /// <param name="progress">The progress, when the line changed it.</param>
    /// <returns><see langword="true"/> when the line changed the progress.</returns>
    bool TryRead(string line, out PackageProgress progress);
}
