using System.Globalization;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Devices;
using Pane.Runtime.Native.Hypervisors;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;
using Pane.Runtime.Native.Serial;
using Pane.Runtime.Native.Storage;
using Pane.Runtime.Native.Virtio;

namespace Pane.Runtime.Native.Machine;

/// <summary>
/// Pane's VMM assembled: guest memory, the I/O APIC, COM1 and one virtio-MMIO block device per disk on their buses,
/// Linux loaded by the boot protocol, and one thread per vCPU that does nothing but run the guest and hand exits to
/// the devices. Disk requests run on a worker thread and console output on the console's pump, so a vCPU never
/// waits on I/O, a timer or a log.
/// </summary>
internal sealed class NativeMachine : IVcpuExitHandler, IDisposable
{
    /// <summary>
    /// The arguments every native boot gets: no PCI; the ACPI tables describe the rest. Their FADT says there is no
    /// i8042, which keeps Linux from probing for a PS/2 controller (over a second of timeouts); an <c>i8042.nopnp</c>
    /// here would skip that check and bring the probe back.
    /// </summary>
    public const string FixedArguments = "pci=off no_timer_check reboot=t";

    private readonly Bus _ports = new();
    private readonly Bus _mmio = new();
    private readonly GuestMemory _memory;
    private readonly IVm _vm;
    private readonly IoApic _ioApic;
    private readonly ThreadDeviceWorker _diskWorker = new("Pane disk I/O");
    private readonly List<IVcpu> _vcpus = [];
    private readonly List<Thread> _threads = [];
    private readonly List<(ulong Address, int Pin)> _virtioDevices = [];
    private readonly IReadOnlyList<IBlockDevice> _disks;
    private readonly TaskCompletionSource<MachineExit> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;

    /// <summary>Initializes a new instance of the <see cref="NativeMachine"/> class: builds the machine and loads Linux, without running it.</summary>
    /// <param name="hypervisor">The backend.</param>
    /// <param name="configuration">What to boot.</param>
    /// <param name="console">Where COM1's output goes.</param>
    /// <exception cref="BootImageException">The kernel cannot be booted.</exception>
    /// <exception cref="HypervisorException">The hypervisor refused a step.</exception>
    public NativeMachine(IHypervisor hypervisor, NativeMachineConfiguration configuration, ISerialOutput console)
    {
        ArgumentNullException.ThrowIfNull(hypervisor);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(console);
        _disks = configuration.Disks;
        var kernel = BzImage.Parse(configuration.Kernel);
        _memory = new GuestMemory(configuration.MemoryBytes);
        try
        {
            _vm = hypervisor.CreateVm(_memory, withLocalApic: true);
            _ioApic = new IoApic(_vm, _vm);
            _mmio.Insert(IoApic.DefaultBaseAddress, IoApic.WindowSize, _ioApic);
            Uart = new Uart16550(console, _ioApic.Line(Uart16550.Com1Irq));
            _ports.Insert(Uart16550.Com1Port, Uart16550.PortCount, Uart);
            _ports.Insert(AcpiSleepControl.Port, AcpiSleepControl.PortCount, new AcpiSleepControl(() => Stop(MachineExit.GuestPoweredOff)));
            CommandLine = $"{configuration.CommandLine} {FixedArguments} console=ttyS0{AttachDisks()}".Trim();
            var state = LinuxLoader.Load(_memory, kernel, configuration.UnpackedKernel, configuration.Initramfs, CommandLine, configuration.VirtualCpus, _virtioDevices);
            for (var index = 0; index < configuration.VirtualCpus; index++)
            {
                _vcpus.Add(_vm.CreateVcpu(index, configuration.VirtualCpus));
            }

            _vcpus[0].SetBootState(state);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Gets the machine's COM1.</summary>
    public Uart16550 Uart { get; }

    /// <summary>Gets the full command line the kernel was given.</summary>
    public string CommandLine { get; }

    /// <summary>Gets a task that completes when the machine stops, with why.</summary>
    public Task<MachineExit> Exited => _exited.Task;

    /// <summary>Starts one thread per vCPU.</summary>
    public void Start()
    {
        foreach (var vcpu in _vcpus)
        {
            var thread = new Thread(() => RunVcpu(vcpu)) { IsBackground = true, Name = $"Pane vCPU {vcpu.Index}" };
            _threads.Add(thread);
        }

        _running = _threads.Count;
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Stops every vCPU; the machine is gone once <see cref="Exited"/> completes.</summary>
    /// <param name="reason">Why.</param>
    public void Stop(MachineExit reason)
    {
        _exited.TrySetResult(reason);
        foreach (var vcpu in _vcpus)
        {
            vcpu.Cancel();
        }
    }

    /// <inheritdoc/>
    public void PortRead(ushort port, Span<byte> data) => _ports.Read(port, data);

    /// <inheritdoc/>
    public void PortWrite(ushort port, ReadOnlySpan<byte> data) => _ports.Write(port, data);

    /// <inheritdoc/>
    public void MmioRead(ulong address, Span<byte> data) => _mmio.Read(address, data);

    /// <inheritdoc/>
    public void MmioWrite(ulong address, ReadOnlySpan<byte> data) => _mmio.Write(address, data);

    /// <inheritdoc/>
    public void EndOfInterrupt(byte vector) => _ioApic.EndOfInterrupt(vector);

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop(MachineExit.Stopped);
        foreach (var thread in _threads)
        {
            if (thread != Thread.CurrentThread)
            {
                thread.Join(TimeSpan.FromSeconds(5));
            }
        }

        _diskWorker.Dispose();
        foreach (var vcpu in _vcpus)
        {
            vcpu.Dispose();
        }

        _vm?.Dispose();
        foreach (var disk in _disks)
        {
            disk.Dispose();
        }

        _memory.Dispose();
    }

    private string AttachDisks()
    {
        var arguments = string.Empty;
        for (var index = 0; index < _disks.Count; index++)
        {
            var address = GuestLayout.VirtioMmioBase + ((ulong)index * VirtioMmioTransport.WindowSize);
            var pin = GuestLayout.VirtioFirstPin + index;
            var block = new VirtioBlock(_disks[index], _memory, _diskWorker, $"pane-disk-{index}");
            _mmio.Insert(address, VirtioMmioTransport.WindowSize, new VirtioMmioTransport(block, _memory, _ioApic.Line(pin)));
            _virtioDevices.Add((address, pin));
            arguments += string.Create(CultureInfo.InvariantCulture, $" virtio_mmio.device=4K@0x{address:x}:{pin}");
        }

        return arguments;
    }

    private void RunVcpu(IVcpu vcpu)
    {
        try
        {
            while (true)
            {
                switch (vcpu.Run(this))
                {
                    case VcpuRunResult.Continue:
                        continue;
                    case VcpuRunResult.Shutdown:
                        Stop(MachineExit.GuestShutdown);
                        return;
                    default:
                        return;
                }
            }
        }
        catch (HypervisorException error)
        {
            Stop(MachineExit.Failed(error.Message));
        }
        finally
        {
            if (Interlocked.Decrement(ref _running) == 0)
            {
                _exited.TrySetResult(MachineExit.VcpusHalted);
            }
        }
    }
}
