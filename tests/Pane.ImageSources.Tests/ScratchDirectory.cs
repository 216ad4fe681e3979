namespace Pane.ImageSources.Tests;

/// <summary>A temporary folder deleted with everything in it.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = Directory.CreateTempSubdirectory("pane-image-sources-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
