using System.Buffers.Binary;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Hypervisors;
using Pane.Runtime.Native.Hypervisors.Whp;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;
using Pane.Runtime.Native.Tests.Boot;

namespace Pane.Runtime.Native.Tests.Hypervisors.Whp;

/// <summary>The WHP backend at its seam: WHP itself does not exist here, so its calls are substituted.</summary>
public sealed class WhpBackendTests
{
    private static readonly nint s_partition = 0x4242;

    private static IWhpPlatform Platform()
    {
        var platform = Substitute.For<IWhpPlatform>();
        platform.CreatePartition(out Arg.Any<nint>()).Returns(call =>
        {
            call[0] = s_partition;
            return 0;
        });
        return platform;
    }

    private static void ExitWith(IWhpPlatform platform, Action<byte[]> fill) =>
        platform.RunVirtualProcessor(s_partition, 0, Arg.Any<byte[]>()).Returns(call =>
        {
            var context = call.ArgAt<byte[]>(2);
            Array.Clear(context);
            fill(context);
            return 0;
        });

    private static void PortExit(byte[] context, ushort port, bool isWrite, int size, ulong rax, ulong rip, int length)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(context, WhpConstants.ExitIoPortAccess);
        context[WhpConstants.InstructionLengthOffset] = (byte)length;
        BinaryPrimitives.WriteUInt64LittleEndian(context.AsSpan(WhpConstants.RipOffset), rip);
        BinaryPrimitives.WriteUInt32LittleEndian(context.AsSpan(WhpConstants.IoAccessInfoOffset), (isWrite ? 1u : 0u) | ((uint)size << 1));
        BinaryPrimitives.WriteUInt16LittleEndian(context.AsSpan(WhpConstants.IoPortOffset), port);
        BinaryPrimitives.WriteUInt64LittleEndian(context.AsSpan(WhpConstants.IoRaxOffset), rax);
    }

    public sealed class CreateVm
    {
        [Fact]
        public void Sets_up_a_partition_with_the_xAPIC_and_maps_guest_RAM_at_zero()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(0x10000);

            // When
            using var vm = new WhpHypervisor(platform, 2).CreateVm(memory, withLocalApic: true);

            // Then
            Received.InOrder(() =>
            {
                platform.SetPartitionProperty(s_partition, WhpConstants.PropertyProcessorCount, 2);
                platform.SetPartitionProperty(s_partition, WhpConstants.PropertyLocalApicEmulationMode, WhpConstants.LocalApicXApic);
                platform.SetupPartition(s_partition);
                platform.MapGpaRange(s_partition, memory.HostAddress, 0, 0x10000, 7);
            });
        }

        [Fact]
        public void A_refused_setup_names_the_call_and_deletes_the_partition()
        {
            // Given
            var platform = Platform();
            platform.SetupPartition(s_partition).Returns(WhpConstants.Failed);
            using var memory = new GuestMemory(0x10000);

            // When
            var error = Assert.Throws<HypervisorException>(() => new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true));

            // Then
            Assert.Equal("WHvSetupPartition", error.Operation);
            Assert.Equal(WhpConstants.Failed, error.Code);
            platform.Received(1).DeletePartition(s_partition);
        }
    }

    public sealed class Deliver
    {
        [Fact]
        public void An_IO_APIC_message_becomes_an_interrupt_request_with_the_same_fields()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(0x10000);
            using var vm = new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true);
            var entry = new RedirectionEntry(RedirectionEntry.LevelTriggerBit | (2UL << 56) | 0x41);

            // When
            vm.Deliver(entry.ToMessage());
            vm.Deliver(new RedirectionEntry((1UL << 11) | 0x30).ToMessage());

            // Then
            platform.Received(1).RequestInterrupt(s_partition, 0x1000, 2, 0x41);
            platform.Received(1).RequestInterrupt(s_partition, 0x100, 0, 0x30);
        }
    }

    public sealed class SetBootState
    {
        [Fact]
        public void Writes_the_entry_point_control_registers_and_a_64_bit_code_segment()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(64 * 1024 * 1024);
            var state = LinuxLoader.Load(memory, BzImage.Parse(SyntheticKernel.Build()), null, [], "", 1);
            using var vm = new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true);
            using var vcpu = vm.CreateVcpu(0, 1);
            uint[]? names = null;
            UInt128[]? values = null;
            platform.SetRegisters(s_partition, 0, Arg.Do<uint[]>(n => names = n), Arg.Do<UInt128[]>(v => values = v));

            // When
            vcpu.SetBootState(state);

            // Then
            var registers = names!.Zip(values!).ToDictionary(pair => pair.First, pair => pair.Second);
            Assert.Equal((UInt128)0x10_0200, registers[WhpConstants.Rip]);
            Assert.Equal((UInt128)GuestLayout.BootParams, registers[WhpConstants.Rsi]);
            Assert.Equal((UInt128)state.Cr3, registers[WhpConstants.Cr3]);
            Assert.Equal((UInt128)state.Efer, registers[WhpConstants.Efer]);
            var code = registers[WhpConstants.Cs];
            Assert.Equal(0xA09BUL, (ulong)(code >> 112));
            Assert.Equal(0x10UL, (ulong)(code >> 96) & 0xFFFF);
            Assert.Equal((UInt128)GuestLayout.Gdt, registers[WhpConstants.Gdtr] >> 64);
        }
    }

    public sealed class Run
    {
        [Fact]
        public void A_port_write_reaches_the_devices_and_steps_past_the_instruction()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(0x10000);
            using var vm = new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true);
            using var vcpu = vm.CreateVcpu(0, 1);
            ExitWith(platform, context => PortExit(context, 0x3F8, isWrite: true, size: 1, rax: 0x1241, rip: 0x1000, length: 1));
            var handler = new RecordingExitHandler();

            // When
            var result = vcpu.Run(handler);

            // Then
            Assert.Equal(VcpuRunResult.Continue, result);
            Assert.Equal(["out 3f8=41"], handler.Exits);
            platform.Received(1).SetRegisters(s_partition, 0, Arg.Is<uint[]>(n => n.SequenceEqual(new[] { WhpConstants.Rip })), Arg.Is<UInt128[]>(v => v[0] == 0x1001));
        }

        [Fact]
        public void A_port_read_merges_the_value_into_RAX()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(0x10000);
            using var vm = new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true);
            using var vcpu = vm.CreateVcpu(0, 1);
            ExitWith(platform, context => PortExit(context, 0x3FD, isWrite: false, size: 1, rax: 0x1234_5678, rip: 0x2000, length: 2));
            var handler = new RecordingExitHandler();

            // When
            vcpu.Run(handler);

            // Then
            Assert.Equal(["in 3fd/1"], handler.Exits);
            platform.Received(1).SetRegisters(s_partition, 0, Arg.Any<uint[]>(), Arg.Is<UInt128[]>(v => v[0] == 0x1234_5600 && v[1] == 0x2002));
        }

        [Fact]
        public void An_MMIO_access_goes_through_the_emulator_with_the_devices()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(0x10000);
            using var vm = new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true);
            using var vcpu = vm.CreateVcpu(0, 1);
            ExitWith(platform, context => BinaryPrimitives.WriteUInt32LittleEndian(context, WhpConstants.ExitMemoryAccess));
            var handler = new RecordingExitHandler();

            // When
            vcpu.Run(handler);

            // Then
            platform.Received(1).Emulate(s_partition, 0, Arg.Any<byte[]>(), handler);
        }

        [Fact]
        public void An_APIC_end_of_interrupt_reaches_the_IO_APIC_side_with_its_vector()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(0x10000);
            using var vm = new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true);
            using var vcpu = vm.CreateVcpu(0, 1);
            ExitWith(platform, context =>
            {
                BinaryPrimitives.WriteUInt32LittleEndian(context, WhpConstants.ExitApicEoi);
                BinaryPrimitives.WriteUInt32LittleEndian(context.AsSpan(WhpConstants.ExitInfoOffset), 0x41);
            });
            var handler = new RecordingExitHandler();

            // When
            vcpu.Run(handler);

            // Then
            Assert.Equal(["eoi 41"], handler.Exits);
        }

        [Fact]
        public void After_cancel_the_run_returns_cancelled_without_entering_the_guest()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(0x10000);
            using var vm = new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true);
            using var vcpu = vm.CreateVcpu(0, 1);

            // When
            vcpu.Cancel();
            var result = vcpu.Run(new RecordingExitHandler());

            // Then
            Assert.Equal(VcpuRunResult.Cancelled, result);
            platform.Received(1).CancelRun(s_partition, 0);
            platform.DidNotReceiveWithAnyArgs().RunVirtualProcessor(default, default, default!);
        }

        [Fact]
        public void An_unknown_exit_is_a_hypervisor_failure()
        {
            // Given
            var platform = Platform();
            using var memory = new GuestMemory(0x10000);
            using var vm = new WhpHypervisor(platform, 1).CreateVm(memory, withLocalApic: true);
            using var vcpu = vm.CreateVcpu(0, 1);
            ExitWith(platform, context => BinaryPrimitives.WriteUInt32LittleEndian(context, WhpConstants.ExitUnsupportedFeature));

            // When // Then
            Assert.Throws<HypervisorException>(() => vcpu.Run(new RecordingExitHandler()));
        }
    }
}
