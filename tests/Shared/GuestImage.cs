using System.Diagnostics;

namespace Pane.Tests.Fixtures;

/// <summary>
/// The busybox guest of tests/fixtures/guest, built once from Debian packages and cached
/// (<c>PANE_TEST_GUEST</c> names a folder built already).
/// </summary>
internal sealed class GuestImage
{
    private static readonly Lazy<GuestImage> s_shared = new(Build);

    private GuestImage(string directory)
    {
        Directory = directory;
    }

    /// <summary>Gets the guest, building it on first use.</summary>
    public static GuestImage Shared => s_shared.Value;

    /// <summary>Gets the folder with disk.raw, vmlinuz, initramfs.img and root-partuuid.</summary>
    public string Directory { get; }

    /// <summary>Gets the whole-disk image.</summary>
    public string Disk => Path.Combine(Directory, "disk.raw");

    /// <summary>Gets the kernel.</summary>
    public string Kernel => Path.Combine(Directory, "vmlinuz");

    /// <summary>Gets the initramfs.</summary>
    public string Initramfs => Path.Combine(Directory, "initramfs.img");

    /// <summary>Gets the root= value.</summary>
    public string Root => File.ReadAllText(Path.Combine(Directory, "root-partuuid")).Trim();

    private static GuestImage Build()
    {
        if (Environment.GetEnvironmentVariable("PANE_TEST_GUEST") is { Length: > 0 } built && File.Exists(Path.Combine(built, "disk.raw")))
        {
            return new GuestImage(built);
        }

        var script = Path.Combine(RepositoryRoot(), "tests", "fixtures", "guest", "build-guest.sh");
        using var process = Process.Start(new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {error}");
        }

        return new GuestImage(output.Trim().Split('\n')[^1]);
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
