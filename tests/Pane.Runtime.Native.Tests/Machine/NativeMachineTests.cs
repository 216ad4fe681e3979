using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Machine;
using Pane.Runtime.Native.Serial;
using Pane.Runtime.Native.Storage;
using Pane.Runtime.Native.Tests.Boot;
using Pane.Runtime.Native.Tests.Hypervisors;

namespace Pane.Runtime.Native.Tests.Machine;

public sealed class NativeMachineTests
{
    private sealed class Output : ISerialOutput
    {
        private readonly List<byte> _bytes = [];

        public string Text
        {
            get
            {
                lock (_bytes)
                {
                    return Encoding.ASCII.GetString([.. _bytes]);
                }
            }
        }

        public void Transmit(byte value)
        {
            lock (_bytes)
            {
                _bytes.Add(value);
            }
        }
    }

    private static NativeMachineConfiguration Configuration(int disks = 1, int vcpus = 2) => new()
    {
        MemoryBytes = 64UL * 1024 * 1024,
        VirtualCpus = vcpus,
        Kernel = SyntheticKernel.Build(),
        Initramfs = new byte[4096],
        CommandLine = "root=/dev/vda1 rw",
        Disks = [.. Enumerable.Range(0, disks).Select(_ => (IBlockDevice)new CopyOnWriteBlockDevice(new StreamBlockDevice(new MemoryStream(new byte[1 << 20], writable: false))))],
    };

    public sealed class Constructor
    {
        [Fact]
        public void Names_each_disk_on_the_command_line_at_its_window_and_pin()
        {
            // Given
            var hypervisor = new ScriptedHypervisor();

            // When
            using var machine = new NativeMachine(hypervisor, Configuration(disks: 2), new Output());

            // Then
            Assert.StartsWith("root=/dev/vda1 rw pci=off", machine.CommandLine, StringComparison.Ordinal);
            Assert.EndsWith("console=ttyS0 virtio_mmio.device=4K@0xd0000000:5 virtio_mmio.device=4K@0xd0001000:6", machine.CommandLine, StringComparison.Ordinal);
        }

        [Fact]
        public void Loads_Linux_and_gives_only_the_bootstrap_vCPU_the_entry_state()
        {
            // Given
            var hypervisor = new ScriptedHypervisor();

            // When
            using var machine = new NativeMachine(hypervisor, Configuration(vcpus: 2), new Output());

            // Then
            var vm = hypervisor.Vm!;
            Assert.True(vm.WithLocalApic);
            Assert.Equal(2, vm.Vcpus.Count);
            Assert.Equal(0x10_0200UL, vm.Vcpus[0].BootState!.Rip);
            Assert.Null(vm.Vcpus[1].BootState);
            var commandLine = vm.Memory.ReadUInt32(GuestLayout.BootParams + BzImage.CommandLinePointerField);
            Assert.Equal(machine.CommandLine, Encoding.ASCII.GetString(vm.Memory.Slice(commandLine, machine.CommandLine.Length)));
            Assert.Equal(2 + 2 + 24 + 2, vm.Memory.ReadUInt16(MpTable.DefaultAddress + MpTable.FloatingPointerSize + 34));
        }

        [Fact]
        public void A_kernel_that_is_not_a_bzImage_is_refused_before_a_VM_exists()
        {
            // Given
            var hypervisor = new ScriptedHypervisor();
            var configuration = Configuration() with { Kernel = new byte[100] };

            // When // Then
            Assert.Throws<BootImageException>(() => new NativeMachine(hypervisor, configuration, new Output()));
            Assert.Null(hypervisor.Vm);
        }
    }

    public sealed class Start
    {
        [Fact]
        public async Task The_vCPU_s_port_writes_reach_COM1_and_a_guest_shutdown_ends_the_machine()
        {
            // Given
            var output = new Output();
            using var machine = new NativeMachine(new ScriptedHypervisor("Linux version 6.1\n"), Configuration(vcpus: 1), output);

            // When
            machine.Start();
            var exit = await machine.Exited.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(MachineExit.GuestShutdown, exit);
            Assert.Equal("Linux version 6.1\n", output.Text);
        }

        [Theory]
        [InlineData(ScriptEnd.Halt, "every vCPU halted with nothing left to wake it", false)]
        [InlineData(ScriptEnd.Fail, "The hypervisor refused KVM_RUN: Bad address.", true)]
        public async Task A_machine_that_stops_by_itself_says_why(ScriptEnd end, string reason, bool isFailure)
        {
            // Given
            using var machine = new NativeMachine(new ScriptedHypervisor(end: end), Configuration(vcpus: 2), new Output());

            // When
            machine.Start();
            var exit = await machine.Exited.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(new MachineExit(reason, isFailure, IsUnexpected: true), exit);
        }

        [Fact]
        public async Task Stop_cancels_every_vCPU()
        {
            // Given
            var hypervisor = new ScriptedHypervisor(end: ScriptEnd.WaitForCancel);
            using var machine = new NativeMachine(hypervisor, Configuration(vcpus: 2), new Output());
            machine.Start();

            // When
            machine.Stop(MachineExit.Stopped);
            var exit = await machine.Exited.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(MachineExit.Stopped, exit);
        }
    }

    public sealed class ExitHandling
    {
        [Fact]
        public void The_IO_APIC_answers_at_its_address_and_an_unmapped_port_reads_zero()
        {
            // Given
            var hypervisor = new ScriptedHypervisor();
            using var machine = new NativeMachine(hypervisor, Configuration(), new Output());
            var value = new byte[4];
            var port = new byte[] { 0xFF };

            // When
            BinaryPrimitives.WriteUInt32LittleEndian(value, 1);
            machine.MmioWrite(0xFEC0_0000, value);
            machine.MmioRead(0xFEC0_0010, value);
            machine.PortRead(0x21, port);

            // Then
            Assert.Equal(0x0017_0011u, BinaryPrimitives.ReadUInt32LittleEndian(value));
            Assert.Equal(0, port[0]);
        }

        [Fact]
        public void The_disk_answers_as_a_virtio_block_device_at_its_window()
        {
            // Given
            using var machine = new NativeMachine(new ScriptedHypervisor(), Configuration(), new Output());
            var value = new byte[4];

            // When
            machine.MmioRead(0xD000_0000, value);
            var magic = BinaryPrimitives.ReadUInt32LittleEndian(value);
            machine.MmioRead(0xD000_0008, value);

            // Then
            Assert.Equal(0x7472_6976u, magic);
            Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(value));
        }

        [Fact]
        public void A_programmed_COM1_interrupt_reaches_the_hypervisor_as_a_message_and_the_route_is_mirrored()
        {
            // Given
            var hypervisor = new ScriptedHypervisor();
            using var machine = new NativeMachine(hypervisor, Configuration(), new Output());
            var value = new byte[4];
            void Select(uint register)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(value, register);
                machine.MmioWrite(0xFEC0_0000, value);
            }

            Select(0x10 + (2 * 4));
            BinaryPrimitives.WriteUInt32LittleEndian(value, 0x24);
            machine.MmioWrite(0xFEC0_0010, value);

            // When
            machine.PortWrite(0x3F9, [Uart16550.EnableTransmitterEmpty]);

            // Then
            var message = Assert.Single(hypervisor.Vm!.Delivered);
            Assert.Equal(0x24, message.Vector);
            Assert.Equal(0x24, hypervisor.Vm.Routes[4].Vector);
        }
    }
}
