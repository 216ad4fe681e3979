using Pane.Runtime.QemuWhpx.Console;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx.Tests.Console;

public sealed class BootMilestoneDetectorTests
{
    public sealed class Observe
    {
        [Theory]
        [InlineData("[    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org)", BootMilestoneKind.KernelStarted)]
        [InlineData("[    1.234567] Run /init as init process", BootMilestoneKind.InitramfsStarted)]
        [InlineData("[  OK  ] Mounted /sysroot.", BootMilestoneKind.RootMounted)]
        [InlineData("[    2.5] EXT4-fs (vda2): mounted filesystem with ordered data mode. Quota mode: none.", BootMilestoneKind.RootMounted)]
        [InlineData("Welcome to Arch Linux!", BootMilestoneKind.InitExecuted)]
        [InlineData("init started: BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)", BootMilestoneKind.InitExecuted)]
        [InlineData("[  OK  ] Mounted /home.", BootMilestoneKind.HomeMounted)]
        [InlineData("[  OK  ] Mounted home.mount - /home.", BootMilestoneKind.HomeMounted)]
        [InlineData("[  OK  ] Reached target Multi-User System.", BootMilestoneKind.MultiUser)]
        [InlineData("[  OK  ] Reached target multi-user.target - Multi-User System.", BootMilestoneKind.MultiUser)]
        [InlineData("archlinux login: root (automatic login)", BootMilestoneKind.Login)]
        [InlineData("archlinux login: ", BootMilestoneKind.Login)]
        public void Recognises_each_milestone_in_lines_real_guests_print(string line, BootMilestoneKind expected)
        {
            // Given
            var detector = new BootMilestoneDetector();

            // When
            var found = detector.Observe(line);

            // Then
            Assert.Equal([expected], found);
        }

        [Fact]
        public void Reports_each_milestone_only_once()
        {
            // Given
            var detector = new BootMilestoneDetector();
            detector.Observe("[  OK  ] Mounted /home.");

            // When
            var again = detector.Observe("[  OK  ] Mounted /home.");

            // Then
            Assert.Empty(again);
            Assert.Contains(BootMilestoneKind.HomeMounted, detector.Reached);
        }

        [Theory]
        [InlineData("[  OK  ] Mounted /homework.")]
        [InlineData("Failed to start Login Service.")]
        [InlineData("[  OK  ] Reached target Basic System.")]
        public void Ignores_lines_that_only_look_alike(string line)
        {
            // Given
            var detector = new BootMilestoneDetector();

            // When
            var found = detector.Observe(line);

            // Then
            Assert.Empty(found);
        }
    }
}
