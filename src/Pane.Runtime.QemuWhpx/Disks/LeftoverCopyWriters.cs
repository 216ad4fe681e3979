using System.ComponentModel;
using System.Diagnostics;

namespace Pane.Runtime.QemuWhpx.Disks;

/// <summary>
/// Stops a <c>qemu-img</c> that an earlier compaction left writing (or comparing) its copy when pane was killed: on
/// Linux, each process whose program is that <c>qemu-img</c> and whose arguments name the copy is killed and waited
/// for, so that the copy can be removed and nothing writes it afterwards.
/// </summary>
internal static class LeftoverCopyWriters
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Stops the processes that work on a copy.</summary>
    /// <param name="qemuImg">The <c>qemu-img</c> the compactions run.</param>
    /// <param name="copy">The full path of the copy.</param>
    /// <returns>The ids of the processes stopped.</returns>
    public static IReadOnlyList<int> Stop(string qemuImg, string copy)
    {
        var stopped = new List<int>();
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return stopped;
        }

        var program = Path.GetFileName(qemuImg);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var processId)
                && processId != Environment.ProcessId
                && ArgumentsOf(folder) is [var first, .. var rest]
                && Path.GetFileName(first) == program
                && rest.Contains(copy, StringComparer.Ordinal)
                && Kill(processId))
            {
                stopped.Add(processId);
            }
        }

        return stopped;
    }

    private static string[]? ArgumentsOf(string processFolder)
    {
        try
        {
            return File.ReadAllText(Path.Join(processFolder, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Kill(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill();
            return process.WaitForExit(s_exitTimeout);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or Win32Exception)
        {
            // It ended meanwhile, or belongs to another user.
            return false;
        }
    }
}
