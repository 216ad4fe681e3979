using Pane.Desktops;
using Pane.Host.DesktopInstall;
using Pane.Host.Tests.DiskImages;
using Pane.Platform;
using Pane.Host.Platform;

namespace Pane.Host.Tests.DesktopInstall;

public sealed class DesktopScriptTests
{
    private static readonly TimeSpan s_install = TimeSpan.FromMinutes(30);

    public sealed class Build
    {
        [Fact]
        public void Readies_the_arch_keyring_before_installing_with_pacman()
        {
            // Given
            var recipe = TestRecipes.Xfce();

            // When
            var plan = DesktopScript.Build(recipe, DistributionFamily.Arch, 8, s_install);

            // Then
            Assert.Equal(
                ["Bring up networking", "Prepare pacman", "Grow the root partition and filesystem", "Install 4 packages", "Enable lightdm as the only display manager", "Verify the desktop"],
                plan.Steps.Select(step => step.Title));
            var prepare = plan.Steps[1].Script;
            Assert.True(
                prepare.IndexOf("pacman-key --init", StringComparison.Ordinal) < prepare.IndexOf("pacman-key --populate archlinux", StringComparison.Ordinal)
                && prepare.IndexOf("pacman-key --populate archlinux", StringComparison.Ordinal) < prepare.IndexOf("archlinux-keyring", StringComparison.Ordinal),
                prepare);
            Assert.Equal("set -e\npacman -S --noconfirm --needed --noprogressbar xorg-server xfce4 lightdm lightdm-gtk-greeter", plan.InstallStep.Script);
            Assert.Equal(s_install, plan.InstallStep.Timeout);
            Assert.Contains("pacman -Q \"$package\" >/dev/null 2>&1 || pacman -Qg \"$package\"", plan.VerifyStep.Script, StringComparison.Ordinal);
        }

        [Fact]
        public void Updates_apt_failing_on_any_source_error_and_installs_non_interactively_on_debian()
        {
            // Given
            var recipe = TestRecipes.Xfce();

            // When
            var plan = DesktopScript.Build(recipe, DistributionFamily.Debian, null, s_install);

            // Then
            Assert.Equal("Prepare apt", plan.Steps[1].Title);
            Assert.Contains("apt-get -q -o APT::Color=0 update --error-on=any", plan.Steps[1].Script, StringComparison.Ordinal);
            Assert.Contains("export DEBIAN_FRONTEND=noninteractive", plan.InstallStep.Script, StringComparison.Ordinal);
            Assert.EndsWith("install xserver-xorg xfce4 lightdm lightdm-gtk-greeter", plan.InstallStep.Script, StringComparison.Ordinal);
            Assert.Contains("dpkg-query -W -f='${Status}' \"$package\"", plan.VerifyStep.Script, StringComparison.Ordinal);
            Assert.DoesNotContain(plan.Steps, step => step.Title.StartsWith("Grow", StringComparison.Ordinal));
        }

        [Fact]
        public void Installs_with_dnf_and_checks_groups_through_dnf_on_fedora()
        {
            // Given
            var recipe = TestRecipes.Xfce();

            // When
            var plan = DesktopScript.Build(recipe, DistributionFamily.Fedora, 8, s_install);

            // Then
            Assert.Contains("dnf -y makecache", plan.Steps[1].Script, StringComparison.Ordinal);
            Assert.Equal("set -e\ndnf -y install @xfce-desktop-environment lightdm", plan.InstallStep.Script);
            Assert.Contains("rpm -q \"$package\"", plan.VerifyStep.Script, StringComparison.Ordinal);
        }

        [Fact]
        public void Disables_every_other_known_display_manager_then_enables_the_chosen_one_fstrim_and_the_graphical_target()
        {
            // Given
            var recipe = TestRecipes.Xfce();

            // When
            var plan = DesktopScript.Build(recipe, DistributionFamily.Debian, null, s_install);

            // Then
            var configure = plan.Steps[^2].Script;
            Assert.Contains("for manager in gdm gdm3 sddm lxdm xdm slim greetd ly nodm entrance; do", configure, StringComparison.Ordinal);
            Assert.DoesNotContain("lightdm", plan.OtherDisplayManagers);
            Assert.True(configure.IndexOf("systemctl --no-reload disable", StringComparison.Ordinal) < configure.IndexOf("systemctl --no-reload enable --force lightdm.service", StringComparison.Ordinal), configure);
            Assert.Contains("for unit in NetworkManager fstrim.timer; do\n  [ \"$(systemctl is-enabled \"$unit\" 2>/dev/null || true)\" = enabled ] || systemctl --no-reload enable \"$unit\"\ndone", configure, StringComparison.Ordinal);
            Assert.Contains("|| systemctl --no-reload set-default graphical.target\nsystemctl daemon-reload", configure, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("debian", "apt-get -q -y -o APT::Color=0 -o Dpkg::Progress-Fancy=0 -o Dpkg::Use-Pty=0 install fdisk e2fsprogs")]
        [InlineData("arch", "pacman -S --noconfirm --needed --noprogressbar util-linux e2fsprogs")]
        [InlineData("fedora", "dnf -y install util-linux e2fsprogs")]
        public void Installs_the_partition_and_filesystem_tools_a_minimal_image_lacks_before_growing_the_disk(string family, string install)
        {
            // Given
            var recipe = TestRecipes.Xfce();

            // When
            var plan = DesktopScript.Build(recipe, new DistributionFamily(family), 8, s_install);

            // Then
            var grow = plan.Steps[2].Script;
            Assert.Equal("Grow the root partition and filesystem", plan.Steps[2].Title);
            var check = grow.IndexOf("command -v resize2fs >/dev/null 2>&1 || missing=1", StringComparison.Ordinal);
            var installed = grow.IndexOf(install, StringComparison.Ordinal);
            Assert.True(check > 0 && installed > check && installed < grow.IndexOf("sfdisk --relocate", StringComparison.Ordinal), grow);
        }

        [Fact]
        public void Refuses_a_family_the_recipe_has_no_plan_for()
        {
            // Given
            var recipe = TestRecipes.Recipe("sway", 4, new() { [DistributionFamily.Arch] = TestRecipes.Plan("greetd", "sway", "greetd") });

            // When
            var failure = Assert.Throws<PaneException>(() => DesktopScript.Build(recipe, DistributionFamily.Debian, null, s_install));

            // Then
            Assert.Equal("The recipe 'sway' has no plan for the 'debian' family (it has arch).", failure.Message);
        }

        [Fact]
        public void Refuses_a_family_whose_package_manager_pane_does_not_know()
        {
            // Given
            var suse = new DistributionFamily("suse");
            var recipe = TestRecipes.Recipe("xfce", 8, new() { [suse] = TestRecipes.Plan("lightdm", "xfce4") });

            // When
            var failure = Assert.Throws<PaneException>(() => DesktopScript.Build(recipe, suse, null, s_install));

            // Then
            Assert.Equal("Pane's desktop installer does not know the package manager of the 'suse' family.", failure.Message);
        }

        [Fact]
        public void Refuses_a_plugin_recipe_whose_names_a_shell_would_interpret()
        {
            // Given
            var recipe = TestRecipes.Recipe("evil", 4, new() { [DistributionFamily.Debian] = TestRecipes.Plan("lightdm", "xfce4", "x;rm -rf /") });

            // When
            var failure = Assert.Throws<PaneException>(() => DesktopScript.Build(recipe, DistributionFamily.Debian, null, s_install));

            // Then
            Assert.Equal("The recipe 'evil' names 'x;rm -rf /', which Pane does not pass to a shell.", failure.Message);
        }
    }

    public sealed class Render
    {
        [Theory]
        [InlineData("arch")]
        [InlineData("debian")]
        [InlineData("fedora")]
        public async Task Writes_every_step_as_one_script_that_sh_and_bash_parse(string family)
        {
            // Given
            var plan = DesktopScript.Build(TestRecipes.Xfce(), new DistributionFamily(family), 8, s_install);
            using var scratch = new ScratchDirectory();
            var file = scratch.File("install.sh");

            // When
            var script = DesktopScript.Render(plan);
            await File.WriteAllTextAsync(file, script, TestContext.Current.CancellationToken);
            var dash = await new ProcessRunner().RunAsync(new ProcessCommand("sh", ["-n", file]), TestContext.Current.CancellationToken);
            var bash = await new ProcessRunner().RunAsync(new ProcessCommand("bash", ["-n", file]), TestContext.Current.CancellationToken);

            // Then
            Assert.StartsWith($"#!/bin/sh\n# pane install-desktop --de xfce on a {family}-family guest.", script, StringComparison.Ordinal);
            Assert.All(plan.Steps, step => Assert.Contains(step.Script.TrimEnd(), script, StringComparison.Ordinal));
            Assert.Contains("# Step 6/6: Verify the desktop (timeout 5 min)", script, StringComparison.Ordinal);
            Assert.True(dash.ExitCode == 0, dash.StandardError);
            Assert.True(bash.ExitCode == 0, bash.StandardError);
        }
    }
}
