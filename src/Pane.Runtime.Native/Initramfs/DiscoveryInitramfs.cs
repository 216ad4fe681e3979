using System.Text;

namespace Pane.Runtime.Native.Initramfs;

/// <summary>
/// Makes a distribution's initramfs find Pane's virtio-MMIO disks. Where the guest kernel builds
/// <c>virtio_mmio</c> as a module, the kernel does not hand <c>virtio_mmio.device=</c> from its command line to a
/// module loaded later from userspace, so no disk appears. This appends a second, uncompressed cpio archive to the
/// initramfs (the kernel unpacks concatenated archives in order) holding the module, its dependencies from
/// <c>modules.dep</c>, and <c>/pane-init</c>: a script, run through <c>rdinit=/pane-init</c>, that reads the device
/// list from <c>/proc/cmdline</c>, loads the modules with <c>device=</c> passed explicitly, and then runs the
/// initramfs's own <c>/init</c>, which finds the root disk and switches to it as usual.
/// </summary>
internal static class DiscoveryInitramfs
{
    /// <summary>The module that drives virtio-MMIO devices.</summary>
    public const string BusModule = "virtio_mmio";

    /// <summary>The init program added to the initramfs.</summary>
    public const string InitPath = "/pane-init";

    /// <summary>Where the added modules go inside the initramfs.</summary>
    public const string ModuleDirectory = "lib/modules/pane";

    /// <summary>The line <c>/pane-init</c> prints once the bus driver is loaded.</summary>
    public const string LoadedLine = "pane-init: virtio_mmio loaded";

    /// <summary>Builds the initramfs to boot with, and the command-line argument that selects its init.</summary>
    /// <param name="initramfs">The distribution's initramfs, compressed or not.</param>
    /// <param name="modules">The guest kernel's module tree.</param>
    /// <returns>The initramfs and the extra command-line argument, or the input unchanged and no argument when the kernel has the driver built in.</returns>
    /// <exception cref="Boot.BootImageException">The kernel lacks the driver, or a module cannot be read.</exception>
    public static (byte[] Initramfs, string? CommandLineArgument) Build(byte[] initramfs, KernelModules modules)
    {
        ArgumentNullException.ThrowIfNull(initramfs);
        ArgumentNullException.ThrowIfNull(modules);
        if (modules.IsBuiltIn(BusModule))
        {
            return (initramfs, null);
        }

        var order = modules.LoadOrder(BusModule);
        using var output = new MemoryStream();
        output.Write(initramfs);
        while (output.Length % 4 != 0)
        {
            output.WriteByte(0);
        }

        var archive = new CpioNewcWriter(output);
        archive.AddDirectory("proc");
        var names = new List<string>();
        foreach (var path in order)
        {
            var name = KernelModules.NameOf(path) + ".ko";
            archive.AddFile($"{ModuleDirectory}/{name}", modules.ReadModule(path));
            names.Add(name);
        }

        archive.AddFile($"{ModuleDirectory}/load-order", Encoding.ASCII.GetBytes(string.Join('\n', names) + "\n"));
        archive.AddFile(InitPath.TrimStart('/'), Encoding.ASCII.GetBytes(InitScript()), mode: 0x1ED);
        archive.Finish();
        return (output.ToArray(), $"rdinit={InitPath}");
    }

    /// <summary>Gets the text of <c>/pane-init</c>.</summary>
    /// <returns>The shell script.</returns>
    public static string InitScript() =>
        $$"""
        #!/bin/sh
        # Pane's discovery init: load the virtio-MMIO bus driver with the devices the kernel command line names
        # (a module loaded from userspace does not see virtio_mmio.device=), then run the initramfs's own /init.
        export PATH=/sbin:/usr/sbin:/bin:/usr/bin
        mount -t proc proc /proc
        devices=
        for arg in $(cat /proc/cmdline); do
          case "$arg" in
            {{BusModule}}.device=*) devices="$devices device=${arg#{{BusModule}}.device=}" ;;
          esac
        done
        umount /proc
        for module in $(cat /{{ModuleDirectory}}/load-order); do
          if [ "$module" = {{BusModule}}.ko ]; then
            insmod /{{ModuleDirectory}}/$module $devices
          else
            insmod /{{ModuleDirectory}}/$module 2>/dev/null
          fi
        done
        echo "{{LoadedLine}}"
        exec /init "$@"

        """.ReplaceLineEndings("\n");
}
