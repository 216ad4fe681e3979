using System.Globalization;
using Pane.Host.DiskImages;
using Pane.Machines;
using Pane.Platform;

namespace Pane.Host.DesktopInstall;

/// <summary>
/// Makes a machine's root overlay at least a given size before it boots, with qemu-img: creates the overlay over the
/// base image at that size when there is none yet, or resizes it. The base image is never touched; the guest then
/// grows its partition and filesystem into the new space.
/// </summary>
internal sealed class RootDiskGrower
{
    private const long GiB = 1024L * 1024 * 1024;

    private readonly IProcessRunner _processes;
    private readonly IHostPlatform _platform;

    public RootDiskGrower(IProcessRunner processes, IHostPlatform platform)
    {
        _processes = processes;
        _platform = platform;
    }

    /// <summary>Tells the size of the root disk the machine would boot with.</summary>
    /// <param name="overlay">The machine's root overlay (it may not exist yet).</param>
    /// <param name="baseImage">The base image.</param>
    /// <returns>The size in bytes.</returns>
    public static long SizeOf(string overlay, string baseImage)
    {
        using var disk = DiskImage.Open(File.Exists(overlay) ? overlay : baseImage);
        return disk.VirtualSize;
    }

    /// <summary>Grows the overlay to <paramref name="gib"/> GiB unless it is that big already.</summary>
    /// <param name="overlay">The machine's root overlay (it may not exist yet).</param>
    /// <param name="baseImage">The base image the overlay is (or will be) made over.</param>
    /// <param name="gib">The size wanted.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The size before, and whether the overlay was grown.</returns>
    /// <exception cref="ProcessFailedException">qemu-img failed.</exception>
    public async Task<(long Before, bool Grown)> EnsureAsync(string overlay, string baseImage, int gib, CancellationToken cancellationToken)
    {
        var before = SizeOf(overlay, baseImage);
        var wanted = gib * GiB;
        if (before >= wanted)
        {
            return (before, false);
        }

        var size = wanted.ToString(CultureInfo.InvariantCulture);
        if (File.Exists(overlay))
        {
            (await _processes.RunAsync(new ProcessCommand(QemuImg(), ["resize", "-q", overlay, size]), cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            return (before, true);
        }

        string format;
        using (var image = DiskImage.Open(baseImage))
        {
            format = image.Format == DiskFormat.Qcow2 ? "qcow2" : "raw";
        }

        // A machine that never ran has no folder yet.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(overlay))!);
        var partial = overlay + ".partial";
        var create = new ProcessCommand(QemuImg(), ["create", "-q", "-f", "qcow2", "-b", Path.GetFullPath(baseImage), "-F", format, partial, size]);
        (await _processes.RunAsync(create, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        File.Move(partial, overlay);
        return (before, true);
    }

    /// <summary>qemu-img beside the QEMU that <c>PANE_QEMU</c> names, else the one on <c>PATH</c>.</summary>
    private string QemuImg()
    {
        var name = _platform.OperatingSystem == HostOperatingSystem.Windows ? "qemu-img.exe" : "qemu-img";
        if (_platform.GetEnvironmentVariable("PANE_QEMU") is { Length: > 0 } qemu && Path.GetDirectoryName(qemu) is { Length: > 0 } folder
            && File.Exists(Path.Combine(folder, name)))
        {
            return Path.Combine(folder, name);
        }

        return name;
    }
}
