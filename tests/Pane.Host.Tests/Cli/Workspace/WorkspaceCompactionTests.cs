using System.Diagnostics;
using Pane.Host.Platform;
using Pane.Platform;

namespace Pane.Host.Tests.Cli.Workspace;

/// <summary>
/// <c>pane workspace compact</c> through the real QEMU plugin and the real <c>qemu-img</c>: what it gives back, and
/// what a SIGKILL in the middle of the copy leaves behind.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WorkspaceCompactionTests : IDisposable
{
    private static readonly string s_host = Path.Join(AppContext.BaseDirectory, "pane.dll");
    private static readonly string[] s_tools = ["qemu-system-x86_64", "qemu-img", "qemu-io"];
    private readonly string _home = Directory.CreateTempSubdirectory("pane-compact-").FullName;

    private string Folder => Path.Combine(_home, "vms", "default");

    public void Dispose()
    {
        foreach (var leftover in ProcessesMentioning(_home))
        {
            leftover.Kill();
            leftover.WaitForExit();
            leftover.Dispose();
        }

        Directory.Delete(_home, recursive: true);
    }

    private static void RequireQemuImg()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        if (!s_tools.All(tool => path.Any(folder => File.Exists(Path.Combine(folder, tool)))))
        {
            Assert.Skip("QEMU (qemu-system-x86_64, qemu-img, qemu-io) is not installed on this machine.");
        }
    }

    private static async Task<ProcessResult> ToolAsync(string tool, params string[] arguments) =>
        await new ProcessRunner().RunAsync(new ProcessCommand(tool, arguments) { Timeout = TimeSpan.FromMinutes(5) }, TestContext.Current.CancellationToken);

    private async Task<string> UserDiskAsync(string size, params string[] writes)
    {
        Directory.CreateDirectory(Folder);
        var disk = Path.Combine(Folder, "home.qcow2");
        (await ToolAsync("qemu-img", "create", "-q", "-f", "qcow2", disk, size)).EnsureSuccess();
        (await ToolAsync("qemu-io", [.. writes.SelectMany(write => new[] { "-c", write }), "-f", "qcow2", disk])).EnsureSuccess();
        return disk;
    }

    private async Task<ProcessResult> PaneAsync(params string[] args) =>
        await new ProcessRunner().RunAsync(new ProcessCommand("dotnet", [s_host, "--home", _home, .. args]) { Timeout = TimeSpan.FromMinutes(5) }, TestContext.Current.CancellationToken);

    private static List<Process> ProcessesMentioning(string text)
    {
        var found = new List<Process>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var processId) || processId == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(text, StringComparison.Ordinal))
                {
                    found.Add(Process.GetProcessById(processId));
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }

    /// <summary>
    /// Whether a qemu-img still names the copy once pane is gone, after giving the kernel's kill of pane's children
    /// a moment to land.
    /// </summary>
    private static async Task<bool> QemuImgStillWritingAsync(string copy)
    {
        for (var look = 0; look < 100; look++)
        {
            var writers = ProcessesMentioning(copy);
            if (writers.Count == 0)
            {
                return false;
            }

            writers.ForEach(writer => writer.Dispose());
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return true;
    }

    [Fact]
    public async Task Gives_back_the_space_the_guest_freed_and_prints_how_much()
    {
        // Given
        RequireQemuImg();
        var disk = await UserDiskAsync("1G", "write -P 0xab 0 96M", "write -z 0 64M", "discard 64M 16M");
        var reference = Path.Combine(_home, "reference.qcow2");
        File.Copy(disk, reference);

        // When
        var result = await PaneAsync("workspace", "compact", "--yes");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Compacted home\.qcow2: [\d.]+ MiB -> [\d.]+ MiB on disk, \d{8,} bytes reclaimed\.", result.StandardOutputText);
        Assert.Equal(0, (await ToolAsync("qemu-img", "compare", "-q", reference, disk)).ExitCode);
        Assert.Empty(Directory.EnumerateFiles(Folder, "*.tmp"));
    }

    [Fact]
    public async Task Launch_with_compact_compacts_the_user_disk_before_it_launches()
    {
        // Given
        RequireQemuImg();
        var disk = await UserDiskAsync("1G", "write -P 0xab 0 96M", "write -z 0 64M", "discard 64M 16M");
        var reference = Path.Combine(_home, "reference.qcow2");
        File.Copy(disk, reference);

        // When
        var result = await PaneAsync("launch", Path.Combine(_home, "no-such-image.raw"), "--compact", "--yes", "--headless");

        // Then: compacted first, then the launch fails on the missing image
        Assert.Matches(@"Compacted home\.qcow2: [\d.]+ MiB -> [\d.]+ MiB on disk, \d{8,} bytes reclaimed\.", result.StandardError);
        Assert.Contains("no-such-image.raw", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(0, (await ToolAsync("qemu-img", "compare", "-q", reference, disk)).ExitCode);
        Assert.Empty(Directory.EnumerateFiles(Folder, "*.tmp"));
    }

    [Fact]
    public async Task A_compaction_killed_in_the_middle_of_its_copy_leaves_the_disk_whole_and_the_next_run_cleans_up_and_finishes()
    {
        // Given
        RequireQemuImg();
        var disk = await UserDiskAsync("2G", "write -P 0xab 0 384M", "write -z 128M 64M");
        var temporary = disk + ".compact.tmp";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { s_host, "--home", _home, "workspace", "compact", "--yes" })
        {
            start.ArgumentList.Add(argument);
        }

        // When
        bool copying;
        using (var pane = Process.Start(start)!)
        {
            var watch = Stopwatch.StartNew();
            while (!File.Exists(temporary) && !pane.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            copying = File.Exists(temporary) && !pane.HasExited;
            pane.Kill();
            await pane.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var orphaned = await QemuImgStillWritingAsync(temporary);

        var checkAfterKill = await ToolAsync("qemu-img", "check", "-q", "-U", disk);
        var readAfterKill = await ToolAsync("qemu-io", "-r", "-U", "-c", "read -P 0xab 0 128M", "-c", "read -P 0 128M 64M", "-c", "read -P 0xab 192M 192M", "-f", "qcow2", disk);
        var rerun = await PaneAsync("workspace", "compact", "--yes");

        // Then
        Assert.True(copying, "pane was not killed while qemu-img was copying; the image may be too small for this machine.");
        Assert.Equal(0, checkAfterKill.ExitCode);
        Assert.Equal(0, readAfterKill.ExitCode);
        Assert.False(orphaned, "qemu-img kept writing the copy after pane was killed.");
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("Compacted home.qcow2:", rerun.StandardOutputText, StringComparison.Ordinal);
        Assert.Empty(ProcessesMentioning(temporary));
        Assert.False(File.Exists(temporary));
        Assert.Equal(["home.qcow2"], Directory.EnumerateFiles(Folder).Select(Path.GetFileName).Where(name => name!.EndsWith(".qcow2", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal)));
        (await ToolAsync("qemu-io", "-r", "-c", "read -P 0xab 0 128M", "-c", "read -P 0 128M 64M", "-c", "read -P 0xab 192M 192M", "-f", "qcow2", disk)).EnsureSuccess();
    }
}
