using Pane.Host.Platform.Facts;

namespace Pane.Host.Tests.Platform.Facts;

public sealed class CpuInfoTests
{
    private const string IntelHost = """
        processor	: 0
        vendor_id	: GenuineIntel
        model name	: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr vmx smx est tm2 ssse3

        processor	: 1
        model name	: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr vmx smx est tm2 ssse3
        """;

    private const string AmdGuestWithNesting = """
        processor	: 0
        model name	: AMD EPYC 7B13
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep syscall nx hypervisor lahf_lm svm
        """;

    private const string GuestWithoutNesting = """
        processor	: 0
        model name	: Intel Xeon Processor (Cascadelake)
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep hypervisor lahf_lm
        """;

    public sealed class Parse
    {
        [Fact]
        public void Finds_vmx_on_an_intel_host()
        {
            // Given the Intel sample

            // When
            var cpu = CpuInfo.Parse(IntelHost);

            // Then
            Assert.Equal(new CpuInfo("Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz", HasVmx: true, HasSvm: false, RunsUnderHypervisor: false), cpu);
            Assert.True(cpu.HasHardwareVirtualization);
        }

        [Fact]
        public void Finds_svm_and_the_hypervisor_flag_in_a_guest_with_nested_virtualization()
        {
            // Given the AMD guest sample

            // When
            var cpu = CpuInfo.Parse(AmdGuestWithNesting);

            // Then
            Assert.True(cpu.HasSvm);
            Assert.True(cpu.RunsUnderHypervisor);
            Assert.True(cpu.HasHardwareVirtualization);
        }

        [Fact]
        public void Finds_no_virtualization_in_a_guest_without_nesting()
        {
            // Given the guest sample

            // When
            var cpu = CpuInfo.Parse(GuestWithoutNesting);

            // Then
            Assert.False(cpu.HasHardwareVirtualization);
            Assert.True(cpu.RunsUnderHypervisor);
        }

        [Fact]
        public void Does_not_take_a_flag_that_merely_contains_vmx_for_vmx()
        {
            // Given
            const string Text = "flags\t\t: fpu vmx_ept svm_lock\n";

            // When
            var cpu = CpuInfo.Parse(Text);

            // Then
            Assert.False(cpu.HasHardwareVirtualization);
        }

        [Theory]
        [InlineData("")]
        [InlineData("garbage without colons\n\n\n")]
        [InlineData("Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32\n")]
        public void Reads_text_without_flags_as_no_virtualization(string text)
        {
            // Given the text

            // When
            var cpu = CpuInfo.Parse(text);

            // Then
            Assert.Equal(new CpuInfo(null, false, false, false), cpu);
        }
    }
}
