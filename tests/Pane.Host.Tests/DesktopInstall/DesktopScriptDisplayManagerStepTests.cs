using Pane.Desktops;
using Pane.Host.DesktopInstall;

namespace Pane.Host.Tests.DesktopInstall;

/// <summary>
/// The display-manager step of <see cref="DesktopScript"/> on a real shell, switching from greetd to SLiM as the
/// Debian packages ship them: greetd's unit is aliased to display-manager.service, SLiM's has no [Install] section
/// (so <c>systemctl enable</c> links nothing) and starts only when /etc/X11/default-display-manager names it.
/// </summary>
public sealed class DesktopScriptDisplayManagerStepTests
{
    private static DesktopInstallPlan Plan(DistributionFamily family, string displayManager = "slim") => DesktopScript.Build(
        TestRecipes.Recipe("twm", 3, new() { [family] = new DesktopPlan { Packages = ["twm", displayManager], DisplayManager = displayManager } }),
        family,
        null,
        TimeSpan.FromMinutes(5));

    private static (string Link, string X11, string Slim, string Greetd) Guest(ScriptedGuest guest)
    {
        var units = Directory.CreateDirectory(Path.Join(guest.Root, "units")).FullName;
        var slim = Path.Join(units, "slim.service");
        var greetd = Path.Join(units, "greetd.service");
        File.WriteAllText(slim, "[Service]\nExecStart=/usr/bin/slim -nodaemon\n");
        File.WriteAllText(greetd, "[Service]\nExecStart=greetd\n[Install]\nAlias=display-manager.service\n");
        var system = guest.Redirect("/etc/systemd/system");
        Directory.CreateDirectory(system);
        var link = Path.Join(system, "display-manager.service");
        File.CreateSymbolicLink(link, greetd);
        var x11 = guest.Redirect("/etc/X11");
        guest.Tool("systemctl", $$"""
            case "$1 $2" in
              "show --property=FragmentPath") case "$4" in slim.service) echo {{slim}} ;; greetd.service) echo {{greetd}} ;; *) echo ;; esac ;;
              "show --property=ExecStart") case "$4" in
                  slim.service) echo '{ path=/usr/bin/slim ; argv[]=/usr/bin/slim -nodaemon ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }' ;;
                  greetd.service) echo '{ path=greetd ; argv[]=greetd ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }' ;;
                esac ;;
              "--no-reload disable") [ "$3" = greetd.service ] && rm -f {{link}} ;;
            esac
            exit 0
            """);
        return (link, Path.Join(x11, "default-display-manager"), slim, greetd);
    }

    public sealed class Run
    {
        [Fact]
        public async Task Links_display_manager_service_to_a_manager_without_an_install_alias_and_names_its_program_on_debian()
        {
            // Given
            using var guest = new ScriptedGuest();
            var (link, x11, slim, greetd) = Guest(guest);

            // When
            var result = await guest.RunAsync(Plan(DistributionFamily.Debian).Steps[^2]);

            // Then
            Assert.True(result.ExitCode == 0, string.Join('\n', result.Output));
            Assert.Equal(["pane: disabled greetd", $"pane: linked display-manager.service to {slim}"], result.Output);
            Assert.Equal(slim, new FileInfo(link).LinkTarget);
            Assert.Equal("/usr/bin/slim\n", await File.ReadAllTextAsync(x11, TestContext.Current.CancellationToken));
            Assert.True(File.Exists(greetd));
        }

        [Fact]
        public async Task Names_the_full_path_of_a_manager_whose_unit_starts_a_bare_command()
        {
            // Given
            using var guest = new ScriptedGuest();
            var (link, x11, _, greetd) = Guest(guest);
            guest.Tool("greetd", "exit 0");

            // When
            var result = await guest.RunAsync(Plan(DistributionFamily.Debian, "greetd").Steps[^2]);

            // Then
            Assert.True(result.ExitCode == 0, string.Join('\n', result.Output));
            Assert.Equal(["pane: disabled slim"], result.Output);
            Assert.Equal(greetd, new FileInfo(link).LinkTarget);
            Assert.Equal($"{Path.Join(guest.Root, "tools", "greetd")}\n", await File.ReadAllTextAsync(x11, TestContext.Current.CancellationToken));
        }

        [Fact]
        public async Task Leaves_the_x11_default_alone_outside_the_debian_family()
        {
            // Given
            using var guest = new ScriptedGuest();
            var (link, x11, slim, _) = Guest(guest);

            // When
            var result = await guest.RunAsync(Plan(DistributionFamily.Arch).Steps[^2]);

            // Then
            Assert.True(result.ExitCode == 0, string.Join('\n', result.Output));
            Assert.Equal(slim, new FileInfo(link).LinkTarget);
            Assert.False(File.Exists(x11));
        }
    }

    public sealed class Verify
    {
        [Fact]
        public async Task Reports_the_program_the_x11_default_names_beside_the_chosen_managers_own()
        {
            // Given
            using var guest = new ScriptedGuest();
            var (_, x11, _, _) = Guest(guest);
            Directory.CreateDirectory(Path.GetDirectoryName(x11)!);
            await File.WriteAllTextAsync(x11, "/usr/sbin/greetd\n", TestContext.Current.CancellationToken);

            // When
            var result = await guest.RunAsync(Plan(DistributionFamily.Debian).VerifyStep);

            // Then
            Assert.Contains("pane-check x11-default-display-manager /usr/sbin/greetd /usr/bin/slim", result.Output);
        }
    }
}
