using Pane.Runtime.Native.Console;
using Pane.Runtimes;

namespace Pane.Runtime.Native.Tests.Console;

public sealed class NativeBootMilestonesTests
{
    public sealed class Observe
    {
        [Fact]
        public void Reports_the_fixture_s_boot_in_order_and_each_milestone_once()
        {
            // Given
            var detector = new NativeBootMilestones();
            string[] lines =
            [
                "[    0.000000] Linux version 6.1.0-26-amd64 (debian-kernel@lists.debian.org)",
                "[    0.900000] Run /pane-init as init process",
                "pane-init: virtio_mmio loaded",
                "[    1.500000] EXT4-fs (vda1): mounted filesystem with ordered data mode.",
                "[  OK  ] Mounted /sysroot.",
                "init started: BusyBox v1.35.0",
                "pane-fixture login: root (automatic login)",
            ];

            // When
            var seen = lines.SelectMany(detector.Observe).ToList();

            // Then
            Assert.Equal(
                [BootMilestoneKind.KernelStarted, BootMilestoneKind.InitramfsStarted, BootMilestoneKind.RootMounted, BootMilestoneKind.InitExecuted, BootMilestoneKind.Login],
                seen);
        }
    }

    public sealed class IsPowerOff
    {
        [Theory]
        [InlineData("[   12.3] reboot: Power down", true)]
        [InlineData("[   12.3] reboot: System halted", true)]
        [InlineData("The system is going down NOW!", false)]
        public void Recognises_the_kernel_s_last_line(string line, bool expected)
        {
            // Given // When // Then
            Assert.Equal(expected, NativeBootMilestones.IsPowerOff(line));
        }
    }
}
