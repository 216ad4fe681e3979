using System.Text;
using Pane.Platform;
using Pane.Runtime.QemuWhpx.Discovery;

namespace Pane.Runtime.QemuWhpx.Machine;

/// <summary>
/// Chooses how Pane reaches a machine's serial console and QMP: unix sockets in the machine's folder, which only the
/// user can open, wherever QEMU can serve them; a loopback TCP port, which any local user could reach, only where it
/// cannot.
/// </summary>
/// <remarks>
/// QEMU serves unix sockets on Windows from version 7.2 (Windows 10 1803 and later have AF_UNIX). A socket's path
/// must fit the 108 bytes of <c>sun_path</c> with its terminating zero; on Linux a longer one is left to QEMU's own
/// error, which names it, because falling back to TCP there would open the console to other users silently.
/// </remarks>
internal static class ControlChannelPolicy
{
    /// <summary>The longest socket path, in UTF-8 bytes, that fits <c>sun_path</c> with its terminating zero.</summary>
    public const int MaxUnixSocketPathBytes = 107;

    /// <summary>Tells whether a machine's control channels are unix sockets.</summary>
    /// <param name="operatingSystem">The host.</param>
    /// <param name="qemuVersion">The QEMU that serves them, when its version is known.</param>
    /// <param name="longestSocketPath">The longest of the socket paths the machine would use.</param>
    /// <returns><see langword="true"/> for unix sockets; <see langword="false"/> for loopback TCP ports.</returns>
    public static bool UsesUnixSockets(HostOperatingSystem operatingSystem, QemuVersion? qemuVersion, string longestSocketPath)
    {
        ArgumentNullException.ThrowIfNull(longestSocketPath);
        if (operatingSystem != HostOperatingSystem.Windows)
        {
            return true;
        }

        return qemuVersion is { } version
            && (version.Major > 7 || (version.Major == 7 && version.Minor >= 2))
            && Encoding.UTF8.GetByteCount(longestSocketPath) <= MaxUnixSocketPathBytes;
    }
}
