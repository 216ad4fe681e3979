using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Hypervisors;
using Pane.Runtime.Native.Hypervisors.Kvm;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;
using Pane.Runtime.Native.Tests.Boot;

namespace Pane.Runtime.Native.Tests.Hypervisors.Kvm;

public sealed class KvmHypervisorTests
{
    private const ushort LoadAddress = 0x1000;

    /// <summary>Real-mode code: five <c>out</c>s counting down, an MMIO store and load outside RAM, the loaded byte out, <c>hlt</c>.</summary>
    private static readonly byte[] s_guest =
    [
        0xB9, 0x05, 0x00,                         // mov cx, 5
        0x88, 0xC8,                               // mov al, cl
        0xE6, 0x10,                               // out 0x10, al
        0x49,                                     // dec cx
        0x75, 0xF9,                               // jnz mov al, cl
        0xB8, 0x00, 0x20,                         // mov ax, 0x2000
        0x8E, 0xC0,                               // mov es, ax
        0x26, 0xC6, 0x06, 0x10, 0x00, 0x5A,       // mov byte [es:0x10], 0x5a
        0x26, 0xA0, 0x20, 0x00,                   // mov al, [es:0x20]
        0xE6, 0x11,                               // out 0x11, al
        0xF4,                                     // hlt
    ];

    /// <summary>64-bit code at the kernel's 64-bit entry: write 'K' to COM1's port, then halt.</summary>
    private static readonly byte[] s_entry64 =
    [
        0x66, 0xBA, 0xF8, 0x03,                   // mov dx, 0x3f8
        0xB0, 0x4B,                               // mov al, 'K'
        0xEE,                                     // out dx, al
        0xF4,                                     // hlt
    ];

    private static VcpuRunResult RunToEnd(IVcpu vcpu, RecordingExitHandler handler)
    {
        var result = VcpuRunResult.Continue;
        var runner = new Thread(() =>
        {
            while ((result = vcpu.Run(handler)) == VcpuRunResult.Continue)
            {
            }
        }) { IsBackground = true };
        runner.Start();
        if (!runner.Join(TimeSpan.FromMinutes(2)))
        {
            vcpu.Cancel();
            runner.Join(TimeSpan.FromSeconds(5));
            Assert.Fail($"The guest did not halt; exits so far: {string.Join(", ", handler.Exits)}");
        }

        return result;
    }

    private static KvmHypervisor OpenOrSkip()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(KvmHypervisor.DefaultDevicePath))
        {
            Assert.Skip("This host has no /dev/kvm.");
        }

        try
        {
            return KvmHypervisor.Open();
        }
        catch (HypervisorException error)
        {
            Assert.Skip($"/dev/kvm does not open here: {error.Message}");
            throw;
        }
    }

    public sealed class CreateVm
    {
        [Fact]
        public void A_real_mode_guest_s_port_and_MMIO_exits_reach_the_devices_in_order_then_it_halts()
        {
            // Given
            using var kvm = OpenOrSkip();
            using var memory = new GuestMemory(0x10000);
            memory.Write(LoadAddress, s_guest);
            using var vm = kvm.CreateVm(memory, withLocalApic: false);
            using var vcpu = vm.CreateVcpu(0, 1);
            vcpu.SetRealModeEntry(LoadAddress);
            var handler = new RecordingExitHandler();

            // When
            var result = VcpuRunResult.Continue;
            var runner = new Thread(() =>
            {
                while ((result = vcpu.Run(handler)) == VcpuRunResult.Continue)
                {
                }
            }) { IsBackground = true };
            runner.Start();
            var finished = runner.Join(TimeSpan.FromMinutes(2));
            if (!finished)
            {
                vcpu.Cancel();
                runner.Join(TimeSpan.FromSeconds(5));
            }

            // Then
            Assert.True(finished, $"The guest did not halt; exits so far: {string.Join(", ", handler.Exits)}");
            Assert.Equal(VcpuRunResult.Halted, result);
            Assert.Equal(
                ["out 10=05", "out 10=04", "out 10=03", "out 10=02", "out 10=01", "write 20010=5A", "read 20020/1", "out 11=77"],
                handler.Exits);
        }

        [Fact]
        public void The_Linux_loader_s_long_mode_entry_state_runs_64_bit_code_at_the_kernel_s_entry()
        {
            // Given
            using var kvm = OpenOrSkip();
            using var memory = new GuestMemory(4 * 1024 * 1024);
            var image = SyntheticKernel.Build();
            var kernel = BzImage.Parse(image);
            s_entry64.CopyTo(image.AsSpan(kernel.SetupSize + (int)BzImage.Entry64Offset));
            var state = LinuxLoader.Load(memory, BzImage.Parse(image), null, [], "console=ttyS0", 1);
            using var vm = kvm.CreateVm(memory, withLocalApic: false);
            using var vcpu = vm.CreateVcpu(0, 1);
            vcpu.SetBootState(state);
            var handler = new RecordingExitHandler();

            // When
            var result = RunToEnd(vcpu, handler);

            // Then
            Assert.Equal(VcpuRunResult.Halted, result);
            Assert.Equal(["out 3f8=4B"], handler.Exits);
        }

        [Fact]
        public void The_split_irqchip_takes_the_IO_APIC_s_routes_and_messages()
        {
            // Given
            using var kvm = OpenOrSkip();
            if (!kvm.Offers(KvmNative.CapabilitySplitIrqchip))
            {
                Assert.Skip("This host's KVM does not offer KVM_CAP_SPLIT_IRQCHIP.");
            }

            using var memory = new GuestMemory(0x10000);
            using var vm = (KvmVm)kvm.CreateVm(memory, withLocalApic: true);
            using var vcpu = vm.CreateVcpu(0, 1);
            var level = new RedirectionEntry(RedirectionEntry.LevelTriggerBit | 0x41);

            // When
            vm.RouteChanged(5, level);
            vm.Deliver(level.ToMessage());

            // Then
            Assert.Equal(0, vm.FailedDeliveries);
        }

        [Fact]
        public void Cancel_makes_the_next_run_return_cancelled()
        {
            // Given
            using var kvm = OpenOrSkip();
            using var memory = new GuestMemory(0x10000);
            memory.Write(LoadAddress, s_guest);
            using var vm = kvm.CreateVm(memory, withLocalApic: false);
            using var vcpu = vm.CreateVcpu(0, 1);
            vcpu.SetRealModeEntry(LoadAddress);

            // When
            vcpu.Cancel();
            var result = vcpu.Run(new RecordingExitHandler());

            // Then
            Assert.Equal(VcpuRunResult.Cancelled, result);
        }
    }
}
