using System.Diagnostics;
using Pane.Machines;
using Pane.Platform;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Console;
using Pane.Runtime.Native.Hypervisors;
using Pane.Runtime.Native.Initramfs;
using Pane.Runtime.Native.Storage;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Machine;

/// <summary>
/// Turns a <see cref="MachineSpec"/> into a running native machine: opens the raw disks read-only under an
/// in-memory copy-on-write overlay, keeps the console in the state folder's <c>serial.log</c> and serves it on the
/// folder's <c>serial.sock</c>, adds the discovery modules to the initramfs when <c>PANE_GUEST_MODULES</c> names the
/// guest kernel's module tree, boots the kernel's unpacked <c>vmlinux</c> when a kernel cache is given (so the guest
/// does not decompress itself at every boot), builds the machine and starts its vCPUs.
/// </summary>
internal sealed class NativeMachineStarter
{
    /// <summary>The environment variable naming a folder with <c>lib/modules/&lt;version&gt;</c> of the guest kernel.</summary>
    public const string ModulesVariable = "PANE_GUEST_MODULES";

    private const ulong MiB = 1024 * 1024;

    private readonly Func<IHypervisor> _openHypervisor;
    private readonly UncompressedKernelCache? _kernels;

    /// <summary>Initializes a new instance of the <see cref="NativeMachineStarter"/> class.</summary>
    /// <param name="openHypervisor">Opens the backend.</param>
    /// <param name="kernels">Where unpacked kernels are kept, or <see langword="null"/> to boot every bzImage as it is.</param>
    public NativeMachineStarter(Func<IHypervisor> openHypervisor, UncompressedKernelCache? kernels = null)
    {
        _openHypervisor = openHypervisor;
        _kernels = kernels;
    }

    /// <summary>Starts a machine.</summary>
    /// <param name="spec">The machine.</param>
    /// <returns>The running machine.</returns>
    /// <exception cref="RuntimeUnavailableException">The spec asks for something the native runtime cannot do.</exception>
    /// <exception cref="BootImageException">The kernel, initramfs or modules cannot be booted.</exception>
    /// <exception cref="HypervisorException">The hypervisor refused.</exception>
    public IVirtualMachine Start(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var kernel = File.ReadAllBytes(spec.Boot.KernelPath);
        var unpacked = _kernels?.GetOrUnpack(spec.Boot.KernelPath, BzImage.Parse(kernel));
        var disks = OpenDisks(spec);
        var configuration = new NativeMachineConfiguration
        {
            MemoryBytes = Math.Min((ulong)Math.Max(spec.MemoryMiB, 64) * MiB, GuestLayout.MaxMemory),
            VirtualCpus = Math.Clamp(spec.VirtualCpus, 1, 32),
            Kernel = kernel,
            UnpackedKernel = unpacked,
            Initramfs = spec.Boot.InitramfsPath is { } initramfs ? File.ReadAllBytes(initramfs) : [],
            CommandLine = spec.Boot.CommandLine,
            Disks = disks,
        };
        configuration = WithDiscoveryModules(configuration, Environment.GetEnvironmentVariable(ModulesVariable));

        var console = new NativeSerialConsole(SerialLogFile.Open(spec.StateDirectory));
        var clock = Stopwatch.StartNew();
        ConsoleSocketServer? server = null;
        IHypervisor hypervisor;
        NativeMachine machine;
        try
        {
            server = ConsoleSocketServer.Start(spec.StateDirectory, console);
            hypervisor = _openHypervisor();
            machine = new NativeMachine(hypervisor, configuration, console);
        }
        catch
        {
            server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            console.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        console.Attach(machine.Uart);
        var record = new VirtualMachineRecord
        {
            Name = spec.Name,
            RuntimeId = NativeRuntimeProvider.RuntimeId,
            ProcessId = Environment.ProcessId,
            ProcessStartTime = ProcessIdentity.StartTimeOf(Environment.ProcessId),
            Accelerator = hypervisor.Name,
            ConsoleEndpoint = server.Path,
            Disks = [.. spec.Disks.Where(Attachable)],
            StartedAt = DateTimeOffset.UtcNow,
        };
        var running = new NativeVirtualMachine(record, machine, console, server, clock);
        machine.Start();
        return running;
    }

    /// <summary>Adds the discovery modules to a configuration when a module tree is named.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="modulesRoot">The module tree's folder, or <see langword="null"/>.</param>
    /// <returns>The configuration to boot.</returns>
    /// <exception cref="BootImageException">The kernel has no version string, or the modules cannot be read.</exception>
    public static NativeMachineConfiguration WithDiscoveryModules(NativeMachineConfiguration configuration, string? modulesRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrEmpty(modulesRoot))
        {
            return configuration;
        }

        var version = BzImage.Parse(configuration.Kernel).KernelVersion
            ?? throw new BootImageException("The kernel carries no version string to find its modules by.", $"Unset {ModulesVariable}, or boot a kernel with a version string.");
        var (initramfs, argument) = DiscoveryInitramfs.Build(configuration.Initramfs, KernelModules.Open(modulesRoot, version));
        return configuration with
        {
            Initramfs = initramfs,
            CommandLine = argument is null ? configuration.CommandLine : $"{configuration.CommandLine} {argument}",
        };
    }

    private static bool Attachable(DiskSpec disk) => disk.Format == DiskFormat.Raw && disk.Role == DiskRole.Base;

    private static List<IBlockDevice> OpenDisks(MachineSpec spec)
    {
        if (spec.Disks.Any(disk => disk.Role == DiskRole.RootOverlay))
        {
            throw new RuntimeUnavailableException(
                NativeRuntimeProvider.RuntimeId,
                "The native runtime keeps root changes only in memory; it cannot write a persistent root overlay yet.",
                "Launch without --persist-root, or use --runtime qemu.");
        }

        var disks = new List<IBlockDevice>();
        foreach (var disk in spec.Disks.Where(Attachable))
        {
            disks.Add(new CopyOnWriteBlockDevice(StreamBlockDevice.OpenReadOnly(disk.Path)));
        }

        if (disks.Count == 0)
        {
            throw new RuntimeUnavailableException(
                NativeRuntimeProvider.RuntimeId,
                "The native runtime boots only raw base images, and this machine has none.",
                "Launch a raw disk image, or use --runtime qemu.");
        }

        return disks;
    }
}
