using Pane.Desktops;
using Pane.Host.DesktopInstall;

namespace Pane.Host.Tests.DesktopInstall;

public sealed class DesktopVerifierTests
{
    private static readonly DesktopInstallPlan s_plan = DesktopScript.Build(
        TestRecipes.Recipe("gnome", 8, new() { [DistributionFamily.Debian] = TestRecipes.Plan("gdm", "gnome-core", "gdm3") }),
        DistributionFamily.Debian,
        8,
        TimeSpan.FromMinutes(90));

    private static List<string> Report() =>
    [
        "pane-check package gnome-core installed",
        "pane-check package gdm3 installed",
        "pane-check display-manager gdm.service",
        "pane-check default-target graphical.target",
        "pane-check manager gdm enabled gdm.service",
        "pane-check manager lightdm disabled lightdm.service",
        "pane-check manager gdm3 enabled gdm.service",
        "pane-check manager sddm absent",
        "pane-check unit NetworkManager enabled",
        "pane-check unit fstrim.timer enabled",
        "pane-check x11-default-display-manager /usr/sbin/gdm3 /usr/sbin/gdm3",
        "pane-check root-kib 8125000",
    ];

    public sealed class Check
    {
        [Fact]
        public void Finds_nothing_wrong_when_the_guest_shows_every_part_counting_an_alias_of_the_chosen_manager_as_it()
        {
            // When
            var problems = DesktopVerifier.Check(s_plan, Report());

            // Then
            Assert.Empty(problems);
        }

        [Fact]
        public void Reports_a_debian_default_display_manager_file_that_names_the_manager_of_an_earlier_desktop()
        {
            // Given
            var report = Report();
            report[10] = "pane-check x11-default-display-manager /usr/sbin/lightdm /usr/sbin/gdm3";

            // When
            var problems = DesktopVerifier.Check(s_plan, report);

            // Then
            Assert.Equal(["/etc/X11/default-display-manager names '/usr/sbin/lightdm', not /usr/sbin/gdm3, so gdm.service would refuse to start."], problems);
        }

        [Fact]
        public void Reports_a_package_that_did_not_install()
        {
            // Given
            var report = Report();
            report[1] = "pane-check package gdm3 missing";

            // When
            var problems = DesktopVerifier.Check(s_plan, report);

            // Then
            Assert.Equal(["1 of 2 packages are not installed: gdm3."], problems);
        }

        [Fact]
        public void Reports_a_second_enabled_display_manager_a_text_console_target_and_a_manager_link_elsewhere()
        {
            // Given
            var report = Report();
            report[2] = "pane-check display-manager lightdm.service";
            report[3] = "pane-check default-target multi-user.target";
            report[5] = "pane-check manager lightdm enabled lightdm.service";

            // When
            var problems = DesktopVerifier.Check(s_plan, report);

            // Then
            Assert.Equal(
                [
                    "display-manager.service points to 'lightdm.service', not gdm.service.",
                    "The default target is 'multi-user.target', not graphical.target.",
                    "Other display managers are enabled too: lightdm.",
                ],
                problems);
        }

        [Fact]
        public void Reports_a_unit_left_disabled_and_a_root_filesystem_that_did_not_grow()
        {
            // Given
            var report = Report();
            report[9] = "pane-check unit fstrim.timer disabled";
            report[11] = "pane-check root-kib 3900000";

            // When
            var problems = DesktopVerifier.Check(s_plan, report);

            // Then
            Assert.Equal(["fstrim.timer is not enabled (disabled).", "The root filesystem has 3900000 KiB, short of the 8 GiB disk."], problems);
        }

        [Fact]
        public void Reports_everything_missing_when_the_guest_printed_nothing()
        {
            // When
            var problems = DesktopVerifier.Check(s_plan, []);

            // Then
            Assert.Equal(6, problems.Count);
            Assert.Equal("2 of 2 packages are not installed: gnome-core, gdm3.", problems[0]);
        }
    }
}
