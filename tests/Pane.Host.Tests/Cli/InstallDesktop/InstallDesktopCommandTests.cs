using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Platform;
using Pane.Host.Tests.DesktopInstall;
using Pane.Host.Tests.DiskImages;
using Pane.Host.Tests.Runtimes;
using Pane.Platform;
using Pane.Tests.Fixtures;

namespace Pane.Host.Tests.Cli.InstallDesktop;

public sealed class InstallDesktopCommandTests
{
    public sealed class Execute
    {
        [Fact]
        public async Task Prints_the_exact_guest_script_with_dry_run_and_touches_no_machine()
        {
            // Given
            using var home = new ScratchDirectory();
            var recipe = TestRecipes.Xfce();
            var catalog = TestRuntimes.Catalog();
            catalog.DesktopRecipes.Returns([recipe]);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "--home", home.Path, "install-desktop", "--de", "xfce", "--family", "arch", "--dry-run");

            // Then
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.StartsWith("#!/bin/sh\n# pane install-desktop --de xfce on a arch-family guest.", result.Output, StringComparison.Ordinal);
            Assert.Contains("pacman -S --noconfirm --needed --noprogressbar xorg-server xfce4 lightdm lightdm-gtk-greeter", result.Output, StringComparison.Ordinal);
            Assert.Contains("# Step 4/6: Install 4 packages (timeout 30 min)", result.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(home.Path, "vms")));
        }

        [Fact]
        public async Task Reads_the_family_from_the_images_os_release_and_takes_the_timeout_and_disk_size_given()
        {
            // Given
            using var home = new ScratchDirectory();
            var recipe = TestRecipes.Xfce();
            var catalog = TestRuntimes.Catalog();
            catalog.DesktopRecipes.Returns([recipe]);

            // When
            var result = await CliRunner.RunAsync(
                services => services.AddSingleton(catalog),
                "--home", home.Path, "install-desktop", "--de", "xfce", "--image", GuestImage.Shared.Disk, "--timeout", "600", "--disk-gib", "12", "--dry-run");

            // Then
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("on a arch-family guest", result.Output, StringComparison.Ordinal);
            Assert.Contains("(timeout 10 min)\n(\nset -e\npacman -S", result.Output, StringComparison.Ordinal);
            Assert.Contains("# Step 3/6: Grow the root partition and filesystem", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Refuses_a_recipe_no_plugin_offers()
        {
            // Given
            using var home = new ScratchDirectory();
            var recipe = TestRecipes.Xfce();
            var catalog = TestRuntimes.Catalog();
            catalog.DesktopRecipes.Returns([recipe]);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "--home", home.Path, "install-desktop", "--de", "cde", "--family", "debian", "--dry-run");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("error: No plugin offers a desktop recipe 'cde' (there are: xfce).", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Asks_for_an_image_when_the_machine_has_no_root_overlay_and_no_family_is_given()
        {
            // Given
            using var home = new ScratchDirectory();
            var recipe = TestRecipes.Xfce();
            var catalog = TestRuntimes.Catalog();
            catalog.DesktopRecipes.Returns([recipe]);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "--home", home.Path, "install-desktop", "--de", "xfce", "--dry-run");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("error: Machine 'default' has no root overlay yet, so Pane does not know which image to boot.", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Installs_the_sample_lxqt_plugin_recipe_through_the_same_path_as_the_built_in_ones()
        {
            // Given
            var repository = Repository.Root;
            if (!Directory.EnumerateFiles(Path.Join(repository, "artifacts", "packages"), "Pane.Abstractions.*.nupkg").Any())
            {
                Assert.Skip("The local feed holds no Pane.Abstractions package: run samples/build.sh (or dotnet pack) first.");
            }

            using var home = new ScratchDirectory();
            var build = new ProcessCommand(
                "dotnet",
                ["build", Path.Join(repository, "samples", "Pane.Samples.LxqtRecipe"), "-c", "Release", "-o", Path.Join(home.Path, "plugins", "Pane.Samples.LxqtRecipe")])
            {
                Timeout = TimeSpan.FromMinutes(5),
            };
            (await new ProcessRunner().RunAsync(build, TestContext.Current.CancellationToken)).EnsureSuccess();

            // When
            var result = await CliRunner.RunAsync(null, "--home", home.Path, "install-desktop", "--de", "lxqt", "--family", "debian", "--dry-run");

            // Then
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("apt-get -q -y -o APT::Color=0 -o Dpkg::Progress-Fancy=0 -o Dpkg::Use-Pty=0 install xorg lxqt sddm network-manager firefox-esr", result.Output, StringComparison.Ordinal);
            Assert.Contains("systemctl --no-reload enable --force sddm.service", result.Output, StringComparison.Ordinal);
            Assert.Contains("(timeout 45 min)", result.Output, StringComparison.Ordinal);
        }
    }

    private static class Repository
    {
        public static string Root
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory is not null && !File.Exists(Path.Join(directory.FullName, "Pane.sln")))
                {
                    directory = directory.Parent;
                }

                return directory?.FullName ?? throw new InvalidOperationException("The tests do not run inside the Pane repository.");
            }
        }
    }
}
