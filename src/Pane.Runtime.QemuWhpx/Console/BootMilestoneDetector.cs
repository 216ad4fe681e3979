using System.Text.RegularExpressions;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx.Console;

/// <summary>
/// Recognises boot milestones in console lines that have had their escape sequences removed: the kernel's own
/// messages, systemd's status lines, busybox init, and login prompts. Each milestone is reported once.
/// </summary>
internal sealed partial class BootMilestoneDetector
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

    /// <summary>Gets the milestones reached so far.</summary>
    public IReadOnlyCollection<BootMilestoneKind> Reached => _reached;

    /// <summary>Finds the milestones a line shows that were not reached before.</summary>
    /// <param name="line">A console line (or the unterminated end of the output) without escape sequences.</param>
    /// <returns>The newly reached milestones, in boot order.</returns>
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

    [GeneratedRegex(@"Linux version \d")]
    private static partial Regex KernelStarted();

    [GeneratedRegex(@"Run /init as init process|Freeing unused kernel image")]
    private static partial Regex InitramfsStarted();

    [GeneratedRegex(@"Mounted /sysroot|Mounted sysroot\.mount|EXT4-fs \(\w+\): mounted filesystem")]
    private static partial Regex RootMounted();

    [GeneratedRegex(@"init started: BusyBox|systemd\[1\]: |Welcome to .+!|Run /sbin/init as init process")]
    private static partial Regex InitExecuted();

    [GeneratedRegex(@"Mounted (/home\b|home\.mount)")]
    private static partial Regex HomeMounted();

    [GeneratedRegex(@"Reached target (Multi-User System|multi-user\.target)")]
    private static partial Regex MultiUser();

    [GeneratedRegex(@"\(automatic login\)|\blogin: *$")]
    private static partial Regex Login();
}
