using System.Diagnostics;

namespace Pane.Platform;

/// <summary>
/// Tells whether a recorded process still runs, without being fooled by a later process that reuses its id: a
/// machine record keeps the process's id and start time, and both must match.
/// </summary>
public static class ProcessIdentity
{
    private static readonly TimeSpan s_startTimeTolerance = TimeSpan.FromSeconds(1);

    /// <summary>Reads when a process started.</summary>
    /// <param name="processId">The process id.</param>
    /// <returns>The start time, or <see langword="null"/> when no such process runs.</returns>
    public static DateTimeOffset? StartTimeOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : new DateTimeOffset(process.StartTime);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Tells whether the process that was recorded still runs.</summary>
    /// <param name="processId">The recorded id.</param>
    /// <param name="startTime">The recorded start time.</param>
    /// <returns><see langword="true"/> when a process with that id runs and started at that time.</returns>
    public static bool IsRunning(int processId, DateTimeOffset startTime) =>
        StartTimeOf(processId) is { } actual && (actual - startTime).Duration() <= s_startTimeTolerance;
}
