using System.Diagnostics;

namespace Pane.ImageSources.Debian.Tests.EndToEnd;

/// <summary>
/// The Debian image of tests/fixtures/debian, pulled once with <c>pane image pull debian</c> into the image store of a
/// Pane home as an ordinary user, and cached (<c>PANE_TEST_DEBIAN_IMAGE</c> names a folder built already, as
/// eng/test.sh sets it).
/// </summary>
internal sealed class DebianImageFixture
{
    private static readonly Lazy<DebianImageFixture> s_shared = new(Build);

    private DebianImageFixture(string directory)
    {
        Directory = directory;
    }

    /// <summary>Gets the image, building it on first use.</summary>
    public static DebianImageFixture Shared => s_shared.Value;

    /// <summary>Gets the folder with debian.raw, build.txt and the Pane home.</summary>
    public string Directory { get; }

    /// <summary>Gets the image: a hard link to the file in the store.</summary>
    public string Disk => Path.Combine(Directory, "debian.raw");

    /// <summary>Gets the store's folder of the image, named <c>debian</c>: the image file and its <c>image.json</c>.</summary>
    public string StoredImage => Path.Combine(Directory, "home", "images", "debian");

    /// <summary>Gets the lines the build printed: path, SHA-256, size, seconds, and the builder's user name.</summary>
    public IReadOnlyList<string> BuildReport => File.ReadAllLines(Path.Combine(Directory, "build.txt"));

    private static DebianImageFixture Build()
    {
        if (Environment.GetEnvironmentVariable("PANE_TEST_DEBIAN_IMAGE") is { Length: > 0 } built && File.Exists(Path.Combine(built, "home", "images", "debian", "image.json")))
        {
            return new DebianImageFixture(built);
        }

        var script = Path.Combine(RepositoryRoot(), "tests", "fixtures", "debian", "build-debian-image.sh");
        using var process = Process.Start(new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {error.Result}");
        }

        return new DebianImageFixture(output.Trim().Split('\n')[^1]);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pane.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the Pane repository.");
    }
}
