using Pane.Runtime.Native.Hypervisors.Kvm;

namespace Pane.Runtime.Native.Tests.Hypervisors.Kvm;

public sealed class KvmCpuidTests
{
    /// <summary>Leaves shaped like KVM_GET_SUPPORTED_CPUID's on an AMD host: no hypervisor or TSC-deadline bit, host APIC ID 7.</summary>
    private static readonly KvmCpuidEntry[] s_supported =
    [
        new() { Function = 0, Eax = 0x10, Ebx = 0x6874_7541 },
        new() { Function = 1, Eax = 0x00A2_0F12, Ebx = 0x0710_0800, Ecx = 0x7ED8_320B, Edx = 0x178B_FBFF },
        new() { Function = 0xB, Index = 0, Flags = KvmCpuid.SignificantIndex, Eax = 1, Ebx = 2, Ecx = 0x100, Edx = 7 },
        new() { Function = 0x4000_0000, Eax = 0x4000_0001, Ebx = 0x4B4D_564B },
        new() { Function = 0x8000_001E, Eax = 7, Ebx = 0x100 },
    ];

    private static KvmCpuidEntry Leaf(KvmCpuidEntry[] leaves, uint function, uint index = 0) =>
        Assert.Single(leaves, entry => entry.Function == function && entry.Index == index);

    public sealed class ForVcpu
    {
        [Fact]
        public void Reports_a_hypervisor_so_Linux_finds_the_KVM_leaves_and_its_clock()
        {
            // Given // When
            var leaves = KvmCpuid.ForVcpu(s_supported, index: 0, count: 1, tscDeadline: false);

            // Then
            Assert.NotEqual(0u, Leaf(leaves, 1).Ecx & KvmCpuid.HypervisorBit);
            Assert.Equal(0x4B4D_564Bu, Leaf(leaves, 0x4000_0000).Ebx);
        }

        [Fact]
        public void Reports_the_TSC_deadline_timer_only_when_KVM_offers_it()
        {
            // Given // When
            var with = KvmCpuid.ForVcpu(s_supported, index: 0, count: 1, tscDeadline: true);
            var without = KvmCpuid.ForVcpu(s_supported, index: 0, count: 1, tscDeadline: false);

            // Then
            Assert.NotEqual(0u, Leaf(with, 1).Ecx & KvmCpuid.TscDeadlineBit);
            Assert.Equal(0u, Leaf(without, 1).Ecx & KvmCpuid.TscDeadlineBit);
        }

        [Fact]
        public void Gives_each_vCPU_its_own_APIC_ID_and_the_machine_s_processor_count_in_leaf_1()
        {
            // Given // When
            var leaves = KvmCpuid.ForVcpu(s_supported, index: 2, count: 3, tscDeadline: false);

            // Then
            var leaf1 = Leaf(leaves, 1);
            Assert.Equal(2u, leaf1.Ebx >> 24);
            Assert.Equal(3u, (leaf1.Ebx >> 16) & 0xFF);
            Assert.Equal(0x0800u, leaf1.Ebx & 0xFFFF);
            Assert.NotEqual(0u, leaf1.Edx & KvmCpuid.HyperThreadingBit);
            Assert.Equal(2u, Leaf(leaves, 0x8000_001E).Eax);
        }

        [Fact]
        public void A_single_vCPU_reports_no_other_logical_processors()
        {
            // Given // When
            var leaf1 = Leaf(KvmCpuid.ForVcpu(s_supported, index: 0, count: 1, tscDeadline: false), 1);

            // Then
            Assert.Equal(0u, leaf1.Ebx >> 24);
            Assert.Equal(1u, (leaf1.Ebx >> 16) & 0xFF);
            Assert.Equal(0u, leaf1.Edx & KvmCpuid.HyperThreadingBit);
        }

        [Fact]
        public void Describes_one_thread_a_core_and_every_vCPU_a_core_in_leaf_0xB_adding_the_core_level_KVM_leaves_out()
        {
            // Given // When
            var leaves = KvmCpuid.ForVcpu(s_supported, index: 1, count: 3, tscDeadline: false);

            // Then
            var thread = Leaf(leaves, 0xB, 0);
            var core = Leaf(leaves, 0xB, 1);
            Assert.Equal((0u, 1u, 0x100u, 1u), (thread.Eax, thread.Ebx, thread.Ecx, thread.Edx));
            Assert.Equal((2u, 3u, 0x201u, 1u), (core.Eax, core.Ebx, core.Ecx, core.Edx));
            Assert.Equal(KvmCpuid.SignificantIndex, core.Flags & KvmCpuid.SignificantIndex);
        }

        [Fact]
        public void Leaves_other_leaves_as_KVM_offers_them()
        {
            // Given // When
            var leaves = KvmCpuid.ForVcpu(s_supported, index: 0, count: 1, tscDeadline: true);

            // Then
            Assert.Equal(s_supported[0], Leaf(leaves, 0));
            Assert.Equal(s_supported[3], Leaf(leaves, 0x4000_0000));
        }

        [Fact]
        public void Refuses_a_vCPU_index_outside_the_machine()
        {
            // Given // When // Then
            Assert.Throws<ArgumentOutOfRangeException>(() => KvmCpuid.ForVcpu(s_supported, index: 1, count: 1, tscDeadline: false));
        }
    }
}
