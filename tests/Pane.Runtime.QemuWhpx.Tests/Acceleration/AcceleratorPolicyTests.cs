using Pane.Platform;
using Pane.Runtime.QemuWhpx.Acceleration;

namespace Pane.Runtime.QemuWhpx.Tests.Acceleration;

public sealed class AcceleratorPolicyTests
{
    private static readonly HashSet<string> s_linuxBuild = ["tcg", "kvm"];
    private static readonly HashSet<string> s_windowsBuild = ["tcg", "whpx"];

    public sealed class Choose
    {
        [Fact]
        public void Linux_with_a_usable_KVM_uses_kvm()
        {
            // Given
            var kvm = HypervisorStatus.Usable(HypervisorKind.Kvm, "kvm_intel; a smoke guest ran");

            // When
            var choice = AcceleratorPolicy.Choose(HostOperatingSystem.Linux, kvm, s_linuxBuild);

            // Then
            Assert.Equal(new AcceleratorChoice(QemuAccelerator.Kvm), choice);
            Assert.True(choice.IsAccelerated);
        }

        [Fact]
        public void Linux_with_an_unusable_KVM_falls_back_to_tcg_and_keeps_the_probe_s_reason()
        {
            // Given
            var kvm = HypervisorStatus.Unusable(
                HypervisorKind.Kvm,
                "/dev/kvm is kvm_pvm, a paravirtual KVM that cannot run an ordinary guest.",
                "Run Pane on a host with kvm_intel or kvm_amd.");

            // When
            var choice = AcceleratorPolicy.Choose(HostOperatingSystem.Linux, kvm, s_linuxBuild);

            // Then
            Assert.Equal(QemuAccelerator.Tcg, choice.Accelerator);
            Assert.False(choice.IsAccelerated);
            Assert.Equal("kvm", choice.RefusedAccelerator);
            Assert.Equal(kvm.Reason, choice.RefusalReason);
        }

        [Fact]
        public void Linux_with_a_usable_KVM_but_a_binary_built_without_it_falls_back_to_tcg()
        {
            // Given
            var kvm = HypervisorStatus.Usable(HypervisorKind.Kvm, "kvm_amd");

            // When
            var choice = AcceleratorPolicy.Choose(HostOperatingSystem.Linux, kvm, new HashSet<string> { "tcg" });

            // Then
            Assert.Equal(QemuAccelerator.Tcg, choice.Accelerator);
            Assert.Equal("kvm", choice.RefusedAccelerator);
            Assert.Contains("built without kvm", choice.RefusalReason, StringComparison.Ordinal);
        }

        [Fact]
        public void Linux_with_a_usable_KVM_and_a_binary_that_would_not_list_its_accelerators_trusts_the_probe()
        {
            // Given
            var kvm = HypervisorStatus.Usable(HypervisorKind.Kvm, "kvm_intel");

            // When
            var choice = AcceleratorPolicy.Choose(HostOperatingSystem.Linux, kvm, offered: null);

            // Then
            Assert.Equal(QemuAccelerator.Kvm, choice.Accelerator);
        }

        [Fact]
        public void Windows_with_a_usable_hypervisor_platform_uses_whpx()
        {
            // Given
            var whp = HypervisorStatus.Usable(HypervisorKind.WindowsHypervisorPlatform, "WHvCapabilityCodeHypervisorPresent");

            // When
            var choice = AcceleratorPolicy.Choose(HostOperatingSystem.Windows, whp, s_windowsBuild);

            // Then
            Assert.Equal(new AcceleratorChoice(QemuAccelerator.Whpx), choice);
        }

        [Fact]
        public void Windows_without_the_hypervisor_platform_falls_back_to_tcg_with_the_reason()
        {
            // Given
            var whp = HypervisorStatus.Unusable(
                HypervisorKind.WindowsHypervisorPlatform,
                "The Windows Hypervisor Platform feature is not enabled.",
                "Enable it in Windows Features and restart.");

            // When
            var choice = AcceleratorPolicy.Choose(HostOperatingSystem.Windows, whp, s_windowsBuild);

            // Then
            Assert.Equal(new AcceleratorChoice(QemuAccelerator.Tcg, "whpx", whp.Reason), choice);
        }

        [Fact]
        public void Without_a_hypervisor_answer_it_uses_tcg()
        {
            // When
            var choice = AcceleratorPolicy.Choose(HostOperatingSystem.Linux, hypervisor: null, s_linuxBuild);

            // Then
            Assert.Equal(QemuAccelerator.Tcg, choice.Accelerator);
            Assert.Equal("kvm", choice.RefusedAccelerator);
        }

        [Theory]
        [InlineData(HostOperatingSystem.MacOS)]
        [InlineData(HostOperatingSystem.Other)]
        public void Other_operating_systems_use_tcg_and_say_why(HostOperatingSystem operatingSystem)
        {
            // When
            var choice = AcceleratorPolicy.Choose(operatingSystem, hypervisor: null, s_linuxBuild);

            // Then
            Assert.Equal(QemuAccelerator.Tcg, choice.Accelerator);
            Assert.Contains(operatingSystem.ToString(), choice.RefusalReason, StringComparison.Ordinal);
        }
    }

    public sealed class HypervisorFor
    {
        [Theory]
        [InlineData(HostOperatingSystem.Linux, HypervisorKind.Kvm)]
        [InlineData(HostOperatingSystem.Windows, HypervisorKind.WindowsHypervisorPlatform)]
        [InlineData(HostOperatingSystem.MacOS, null)]
        public void Names_the_hypervisor_QEMU_would_use(HostOperatingSystem operatingSystem, HypervisorKind? expected)
        {
            // When
            var kind = AcceleratorPolicy.HypervisorFor(operatingSystem);

            // Then
            Assert.Equal(expected, kind);
        }
    }
}
