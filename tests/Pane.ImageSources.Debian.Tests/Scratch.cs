namespace Pane.ImageSources.Debian.Tests;

/// <summary>A temporary folder, deleted with everything in it, that can stand for a host's root.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Path = Directory.CreateTempSubdirectory("pane-debian-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a file under the folder, creating its parents.</summary>
    public string Write(string relativePath, string text)
    {
        var file = System.IO.Path.Join(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
