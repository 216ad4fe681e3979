using System.Runtime.InteropServices;

namespace Pane.ImageSources.Debian.Build;

/// <summary>
/// Checks, without running anything, that this host can build a Debian image: Linux on x86-64, mmdebstrap and the
/// tools the build runs on <c>PATH</c>, and, for an ordinary user, user namespaces enabled and subordinate ids.
/// </summary>
internal static class DebianPrerequisites
{
    private const string InstallRemedy = "Install them with 'sudo apt-get install mmdebstrap uidmap e2fsprogs fdisk'.";
    private static readonly string[] s_tools = ["sfdisk", "mke2fs", "tar", "sh"];
    private static readonly string[] s_namespaceTools = ["unshare", "newuidmap", "newgidmap"];

    /// <summary>Finds what keeps this host from building a Debian image.</summary>
    /// <param name="host">The host.</param>
    /// <param name="userName">The name of the user who builds.</param>
    /// <param name="identity">Who builds, when nothing is missing.</param>
    /// <returns>The first problem found, or <see langword="null"/> when the host can build.</returns>
    public static PaneException? FindProblem(DebianHost host, string userName, out BuildIdentity? identity)
    {
        ArgumentNullException.ThrowIfNull(host);
        identity = null;
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return new PaneException(
                "The debian image source builds images on x86-64 Linux only.",
                "Use another image source on this host (pane image pull arch, or a file: or https: image).");
        }

        if (host.FindProgram("mmdebstrap") is null)
        {
            return new PaneException("mmdebstrap, which builds the Debian image, is not installed.", InstallRemedy);
        }

        if (s_tools.FirstOrDefault(tool => host.FindProgram(tool) is null) is { } missingTool)
        {
            return new PaneException($"{missingTool}, which the Debian image build runs, is not on PATH.", InstallRemedy);
        }

        if (host.ReadProcessIds() is not { } ids)
        {
            return new PaneException("The user id of this process cannot be read from /proc/self/status.", "Run Pane on a Linux host with /proc mounted.");
        }

        if (ids.UserId == 0)
        {
            identity = new BuildIdentity(userName, 0, null, null);
            return null;
        }

        var problem = NamespaceProblem(host);
        if (problem is not null)
        {
            return problem;
        }

        var users = SubordinateIdRange.Find(host.ReadText("/etc/subuid"), userName, ids.UserId);
        var groups = SubordinateIdRange.Find(host.ReadText("/etc/subgid"), userName, ids.UserId);
        if (users is null || groups is null)
        {
            return new PaneException(
                $"The user '{userName}' has no range of {SubordinateIdRange.Needed} subordinate {(users is null ? "user" : "group")} ids in {(users is null ? "/etc/subuid" : "/etc/subgid")}, which the user namespace of the build needs.",
                $"Give it one with 'sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {userName}' (any free range of 65536 ids).");
        }

        identity = new BuildIdentity(userName, ids.UserId, users, groups);
        return null;
    }

    private static PaneException? NamespaceProblem(DebianHost host)
    {
        if (s_namespaceTools.FirstOrDefault(tool => host.FindProgram(tool) is null) is { } missing)
        {
            return new PaneException(
                $"{missing}, which an ordinary user needs to build a Debian image in a user namespace, is not on PATH.",
                "Install it with 'sudo apt-get install uidmap util-linux'.");
        }

        if (host.ReadText("/proc/sys/kernel/unprivileged_userns_clone")?.Trim() == "0")
        {
            return new PaneException(
                "This kernel does not let ordinary users create user namespaces, which the Debian image build needs.",
                "Allow them with 'sudo sysctl -w kernel.unprivileged_userns_clone=1' (and set it in /etc/sysctl.d to keep it).");
        }

        if (host.ReadText("/proc/sys/user/max_user_namespaces")?.Trim() == "0")
        {
            return new PaneException(
                "This kernel allows no user namespaces (user.max_user_namespaces is 0), which the Debian image build needs.",
                "Allow them with 'sudo sysctl -w user.max_user_namespaces=15000' (and set it in /etc/sysctl.d to keep it).");
        }

        if (host.ReadText("/proc/sys/kernel/apparmor_restrict_unprivileged_userns")?.Trim() == "1")
        {
            return new PaneException(
                "AppArmor keeps ordinary users from using user namespaces, which the Debian image build needs.",
                "Allow them with 'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0' (and set it in /etc/sysctl.d to keep it).");
        }

        return null;
    }
}
