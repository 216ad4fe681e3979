using System.Globalization;
using Pane.Machines;

namespace Pane.Runtime.QemuWhpx.Machine;

/// <summary>
/// Builds the arguments of <c>qemu-system-x86_64</c> for a <see cref="QemuLaunchPlan"/>: direct kernel boot,
/// virtio disks with the cache policy of their role, user networking, virtio-rng, a serial console and QMP on
/// private endpoints, and no default devices.
/// </summary>
internal static class QemuCommandLine
{
    private const string PersistentDiskOptions = "cache=writeback,discard=unmap,detect-zeroes=unmap";
    private const string EphemeralDiskOptions = "cache=unsafe,snapshot=on";
    private const string VncOptions = "127.0.0.1:0,to=99,websocket=127.0.0.1:0,password=on";

    /// <summary>Builds the arguments.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The arguments, one option or value each.</returns>
    public static IReadOnlyList<string> Build(QemuLaunchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var spec = plan.Spec;
        var arguments = new List<string>
        {
            "-name", "Pane",
            "-machine", "q35",
            "-accel", plan.Accelerator,
            "-cpu", plan.CpuModel,
            "-smp", spec.VirtualCpus.ToString(CultureInfo.InvariantCulture),
            "-m", spec.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            "-nodefaults",
            "-no-user-config",
            "-kernel", spec.Boot.KernelPath,
        };
        if (spec.Boot.InitramfsPath is { } initramfs)
        {
            arguments.AddRange(["-initrd", initramfs]);
        }

        arguments.AddRange(["-append", spec.Boot.CommandLine]);
        AddDisks(arguments, spec.Disks);
        if (spec.Network == NetworkMode.User)
        {
            arguments.AddRange(["-netdev", "user,id=net0", "-device", "virtio-net-pci,netdev=net0"]);
        }

        arguments.AddRange(["-device", "virtio-rng-pci"]);
        arguments.AddRange([
            "-chardev", $"socket,id=serial0,{plan.Serial.ToChardevAddress()},server=on,wait=off,logfile={QemuOption.Escape(plan.SerialLogPath)},logappend=on",
            "-serial", "chardev:serial0",
            "-chardev", $"socket,id=qmp0,{plan.Control.ToChardevAddress()},server=on,wait=off",
            "-mon", "chardev=qmp0,mode=control",
        ]);
        AddDisplay(arguments, spec);
        if (plan.DaemonPidFilePath is { } pidFile)
        {
            arguments.AddRange(["-daemonize", "-pidfile", pidFile]);
        }

        return arguments;
    }

    private static void AddDisks(List<string> arguments, IReadOnlyList<DiskSpec> disks)
    {
        for (var index = 0; index < disks.Count; index++)
        {
            var disk = disks[index];
            var format = disk.Format == DiskFormat.Qcow2 ? "qcow2" : "raw";
            var policy = disk.IsEphemeral ? EphemeralDiskOptions : PersistentDiskOptions;
            var id = $"disk{index.ToString(CultureInfo.InvariantCulture)}";
            arguments.AddRange([
                "-drive", $"file={QemuOption.Escape(disk.Path)},if=none,id={id},format={format},aio=threads,{policy}",
                "-device", $"virtio-blk-pci,drive={id}",
            ]);
        }
    }

    /// <summary>
    /// The screen: none, or a virtio-vga card (a VGA console for early boot, a KMS framebuffer for the desktop) with a
    /// virtio tablet so the pointer follows the host's exactly. GL stays off: virtio-gpu with GL crashed QEMU under
    /// WHPX when Xorg started. VNC binds the loopback address only: the main port is the first free display from 0 to
    /// 99 (5900 to 5999) and the websocket port is whatever free port the system hands out, both chosen by QEMU
    /// itself so no other program can take them in between; clients must give the password set through QMP.
    /// </summary>
    private static void AddDisplay(List<string> arguments, MachineSpec spec)
    {
        if (spec.Display == DisplayMode.None)
        {
            arguments.AddRange(["-display", "none"]);
            return;
        }

        arguments.AddRange(["-device", "virtio-vga", "-device", "virtio-tablet-pci"]);
        switch (spec.Display)
        {
            case DisplayMode.Gtk:
                arguments.AddRange(["-display", "gtk,gl=off"]);
                break;
            case DisplayMode.Sdl:
                arguments.AddRange(["-display", "sdl,gl=off"]);
                break;
            default:
                arguments.AddRange(["-display", "none", "-vnc", VncOptions]);
                break;
        }
    }
}
