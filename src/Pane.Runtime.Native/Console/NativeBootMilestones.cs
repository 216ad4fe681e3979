using System.Text.RegularExpressions;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Console;

/// <summary>
/// Recognises boot milestones in console lines (the same points the QEMU runtime reports: the kernel's banner, the
/// initramfs's first program, the root mount, the real init, the login), and the guest's own power-off, after which
/// nothing in a machine without ACPI can run again. Each milestone is reported once.
/// </summary>
internal sealed partial class NativeBootMilestones
{
    private static readonly (BootMilestoneKind Kind, Regex Pattern)[] s_patterns =
    [
        (BootMilestoneKind.KernelStarted, KernelStarted()),
        (BootMilestoneKind.InitramfsStarted, InitramfsStarted()),
        (BootMilestoneKind.RootMounted, RootMounted()),
        (BootMilestoneKind.InitExecuted, InitExecuted()),
        (BootMilestoneKind.HomeMounted, HomeMounted()),
        (BootMilestoneKind.MultiUser, MultiUser()),
        (BootMilestoneKind.Login, Login()),
    ];

    private readonly HashSet<BootMilestoneKind> _reached = [];

    /// <summary>Finds the milestones a line shows for the first time.</summary>
    /// <param name="line">A console line without escape sequences.</param>
    /// <returns>The new milestones, in boot order.</returns>
    public IReadOnlyList<BootMilestoneKind> Observe(string line)
    {
        List<BootMilestoneKind>? found = null;
        foreach (var (kind, pattern) in s_patterns)
        {
            if (!_reached.Contains(kind) && pattern.IsMatch(line))
            {
                _reached.Add(kind);
                (found ??= []).Add(kind);
            }
        }

        return found ?? (IReadOnlyList<BootMilestoneKind>)[];
    }

    /// <summary>Tells whether a line is the kernel's last word before it powers off, halts or reboots.</summary>
    /// <param name="line">A console line.</param>
    /// <returns><see langword="true"/> when the guest is gone.</returns>
    public static bool IsPowerOff(string line) => PowerOff().IsMatch(line);

    [GeneratedRegex(@"Linux version \d")]
    private static partial Regex KernelStarted();

    [GeneratedRegex(@"Run /\S*init as init process|Freeing unused kernel image")]
    private static partial Regex InitramfsStarted();

    [GeneratedRegex(@"Mounted /sysroot|Mounted sysroot\.mount|EXT4-fs \(\w+\): mounted filesystem")]
    private static partial Regex RootMounted();

    [GeneratedRegex(@"init started: BusyBox|systemd\[1\]: |Welcome to .+!|Run /sbin/init as init process")]
    private static partial Regex InitExecuted();

    [GeneratedRegex(@"Mounted (/home\b|home\.mount)")]
    private static partial Regex HomeMounted();

    [GeneratedRegex(@"Reached target (Multi-User System|multi-user\.target)")]
    private static partial Regex MultiUser();

    [GeneratedRegex(@"\(automatic login\)|\blogin: *$|^\S+@\S+:.*[#$] *$")]
    private static partial Regex Login();

    [GeneratedRegex(@"reboot: (Power down|System halted|Restarting system)|System halted\.")]
    private static partial Regex PowerOff();
}
