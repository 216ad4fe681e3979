using Pane.Host.Platform;
using Pane.Platform;

namespace Pane.Host.Tests.DiskImages.Ext4;

/// <summary>
/// The ext2/3/4 test corpus, built once per test run by tests/fixtures/build-ext4-corpus.sh (mke2fs -d and
/// debugfs -w), and the helpers the tests share: running debugfs, scratch folders on tmpfs when there is one.
/// Set PANE_EXT4_CORPUS to a folder to build it there once and reuse it across runs.
/// </summary>
internal static class Ext4Fixtures
{
    private static readonly Lazy<string> s_corpus = new(BuildCorpus, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_disks = new(BuildDisks, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ProcessRunner s_runner = new();

    /// <summary>The whole-disk images build-ext4-disks.sh makes from corpus filesystems, in the corpus folder's disks/.</summary>
    private static readonly string[] s_diskNames =
        ["gpt-fragmented.raw", "mbr-logical.raw", "gpt-inline.qcow2", "gpt-ext2-base.qcow2", "gpt-ext2-overlay.qcow2"];

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Gets the folder of corpus images, building it on first use.</summary>
    public static string Corpus => s_corpus.Value;

    public static string CorpusImage(string name) => Path.Combine(Corpus, name + ".img");

    /// <summary>Gets a whole-disk image holding corpus filesystems in partitions, building them on first use.</summary>
    public static string Disk(string name) => Path.Combine(s_disks.Value, name);

    public static IEnumerable<string> CorpusNames =>
        ["ext2-1k-i128", "ext3-2k-i256", "ext4-1k-casefold", "ext4-1k-fragmented", "ext4-1k-i128-metabg", "ext4-2k-noextent",
         "ext4-4k-64bit-csum", "ext4-4k-htree", "ext4-4k-inline"];

    /// <summary>Makes a scratch folder, on tmpfs when the machine has one (dumps of 20,000 files are slow on disk).</summary>
    public static string NewScratchFolder()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Path.Combine(root, "pane-ext4-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs debugfs read-only with one or more requests and returns its standard output.</summary>
    public static string Debugfs(string image, params string[] requests)
    {
        var arguments = new List<string>();
        foreach (var request in requests)
        {
            arguments.Add("-R");
            arguments.Add(request);
        }

        arguments.Add(image);
        return Run("debugfs", arguments, TimeSpan.FromMinutes(2)).StandardOutputText;
    }

    /// <summary>Runs one debugfs request and returns the first group of a pattern in its output, failing without a match.</summary>
    public static string DebugfsField(string image, string request, string pattern)
    {
        var output = Debugfs(image, request);
        var match = System.Text.RegularExpressions.Regex.Match(output, pattern, System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(match.Success, $"debugfs '{request}' on {image} shows no '{pattern}':\n{output}");
        return match.Groups[1].Value;
    }

    /// <summary>Runs debugfs read-only over a file of requests, one a line.</summary>
    public static void DebugfsScript(string image, string requestFile) =>
        Run("debugfs", ["-f", requestFile, image], TimeSpan.FromMinutes(5));

    public static ProcessResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout) =>
        s_runner.RunAsync(new ProcessCommand(program, arguments) { Timeout = timeout }, CancellationToken.None)
            .GetAwaiter().GetResult().EnsureSuccess();

    private static string BuildCorpus()
    {
        var folder = Environment.GetEnvironmentVariable("PANE_EXT4_CORPUS");
        var script = FixtureScript("build-ext4-corpus.sh");
        if (!string.IsNullOrEmpty(folder) && IsBuiltBy(folder, script)
            && CorpusNames.All(name => File.Exists(Path.Combine(folder, name + ".img"))))
        {
            return folder;
        }

        folder = string.IsNullOrEmpty(folder) ? NewScratchFolder() : folder;
        Run("bash", [script, folder], TimeSpan.FromMinutes(10));
        MarkBuiltBy(folder, script);
        if (Environment.GetEnvironmentVariable("PANE_EXT4_CORPUS") is null or "")
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        }

        return folder;
    }

    private static string BuildDisks()
    {
        var folder = Path.Combine(Corpus, "disks");
        var script = FixtureScript("build-ext4-disks.sh");
        if (!IsBuiltBy(folder, script) || !s_diskNames.All(name => File.Exists(Path.Combine(folder, name))))
        {
            Run("bash", [script, Corpus], TimeSpan.FromMinutes(5));
            MarkBuiltBy(folder, script);
        }

        return folder;
    }

    private static string FixtureScript(string name) => Path.Combine(RepositoryRoot, "tests", "fixtures", name);

    /// <summary>Tells whether a cached fixture folder was built by the script as it is now (its SHA-256 is stamped there).</summary>
    private static bool IsBuiltBy(string folder, string script)
    {
        var stamp = Path.Combine(folder, Path.GetFileName(script) + ".sha256");
        return File.Exists(stamp) && File.ReadAllText(stamp) == ScriptHash(script);
    }

    private static void MarkBuiltBy(string folder, string script) =>
        File.WriteAllText(Path.Combine(folder, Path.GetFileName(script) + ".sha256"), ScriptHash(script));

    private static string ScriptHash(string script) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(script)));

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pane.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run from inside the Pane repository (no Pane.sln above them).");
    }
}
