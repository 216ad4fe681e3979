using Pane.Desktops;
using Pane.Host.DesktopInstall;
using Pane.Host.Guest;
using Pane.Host.Tests.DiskImages;
using Pane.Host.Tests.Guest;

namespace Pane.Host.Tests.DesktopInstall;

/// <summary>
/// The installer's generated Debian steps (install, display manager, verification) run by the guest shell on a real
/// shell and terminal, with stand-ins for apt-get, dpkg-query, systemctl and readlink: what happens when a package
/// fails, when the install overruns, when the guest does not show the desktop, and when everything holds.
/// </summary>
public sealed class DesktopInstallerTests
{
    private const string Systemctl = """
        case "$1" in
          show) case "$4" in lightdm.service) echo /usr/lib/systemd/system/lightdm.service ;; *) echo ;; esac ;;
          is-enabled) case "$2" in lightdm.service|NetworkManager|fstrim.timer) echo enabled ;; *) echo disabled; exit 1 ;; esac ;;
          get-default) echo graphical.target ;;
        esac
        """;

    private const string AptGet = """
        echo '0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.'
        echo 'Setting up lightdm (1.26.0-8) ...'
        echo 'Setting up xfce4 (4.18) ...'
        """;

    private static DesktopInstallPlan Plan(TimeSpan? installTimeout = null)
    {
        var recipe = TestRecipes.Recipe("xfce", 8, new() { [DistributionFamily.Debian] = TestRecipes.Plan("lightdm", "xfce4", "lightdm") });
        var plan = DesktopScript.Build(recipe, DistributionFamily.Debian, null, installTimeout ?? TimeSpan.FromMinutes(1));
        return plan with { Steps = [plan.InstallStep, plan.Steps[^2], plan.VerifyStep] };
    }

    private static async Task<(string Output, Exception? Failure, IReadOnlyList<string>? Verified)> RunAsync(DesktopInstallPlan plan, Action<PtyShellConsole> tools)
    {
        using var scratch = new ScratchDirectory();
        await using var console = PtyShellConsole.Start(scratch.Path);
        tools(console);
        using var transcript = GuestTranscript.InMemory(SecretRedactor.None);
        await using var shell = await GuestShell.OpenAsync(console, transcript, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        try
        {
            var verified = await DesktopInstaller.RunStepsAsync(plan, shell, output, null, TestContext.Current.CancellationToken);
            return (output.ToString(), null, verified);
        }
        catch (GuestStepFailedException failure)
        {
            return (output.ToString(), failure, null);
        }
    }

    public sealed class RunStepsAsync
    {
        [Fact]
        public async Task Shows_the_package_progress_and_returns_the_report_when_the_guest_holds_everything()
        {
            // Given
            var plan = Plan();

            // When
            var (output, failure, verified) = await RunAsync(plan, console =>
            {
                console.AddTool("apt-get", AptGet);
                console.AddTool("dpkg-query", "echo 'install ok installed'");
                console.AddTool("systemctl", Systemctl);
                console.AddTool("readlink", "echo /usr/lib/systemd/system/lightdm.service");
            });

            // Then
            Assert.Null(failure);
            Assert.Contains("  packages 0/2\n  packages 1/2\n  packages 2/2\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains("pane-check display-manager lightdm.service", verified!);
            Assert.Contains("pane-check package xfce4 installed", verified!);
        }

        [Fact]
        public async Task Fails_with_apts_error_when_a_package_does_not_install()
        {
            // Given
            var plan = Plan();

            // When
            var (_, failure, _) = await RunAsync(plan, console => console.AddTool("apt-get", "echo 'Reading package lists...'\necho \"E: Unable to locate package xfce4\" >&2\nexit 100"));

            // Then
            var stepFailure = Assert.IsType<GuestStepFailedException>(failure);
            Assert.Equal("The guest step 'Install 2 packages' failed with exit status 100.", stepFailure.Message);
            Assert.Equal(["Reading package lists...", "E: Unable to locate package xfce4"], stepFailure.Evidence);
        }

        [Fact]
        public async Task Fails_an_install_that_overruns_its_timeout()
        {
            // Given
            var plan = Plan(TimeSpan.FromSeconds(2));

            // When
            var (_, failure, _) = await RunAsync(plan, console => console.AddTool("apt-get", "echo 'Get:1 lightdm'\nsleep 600"));

            // Then
            var stepFailure = Assert.IsType<GuestStepFailedException>(failure);
            Assert.Equal("The guest step 'Install 2 packages' did not finish within 2 s.", stepFailure.Message);
            Assert.Equal(["Get:1 lightdm"], stepFailure.Evidence);
        }

        [Fact]
        public async Task Fails_with_the_guests_report_when_apt_said_success_but_a_package_is_missing()
        {
            // Given
            var plan = Plan();

            // When
            var (_, failure, verified) = await RunAsync(plan, console =>
            {
                console.AddTool("apt-get", AptGet);
                console.AddTool("dpkg-query", "[ \"$3\" = xfce4 ] && exit 1\necho 'install ok installed'");
                console.AddTool("systemctl", Systemctl);
                console.AddTool("readlink", "echo /usr/lib/systemd/system/lightdm.service");
            });

            // Then
            Assert.Null(verified);
            var stepFailure = Assert.IsType<GuestStepFailedException>(failure);
            Assert.Equal("The desktop 'xfce' is not installed as planned: 1 of 2 packages are not installed: xfce4.", stepFailure.Message);
            Assert.Contains("pane-check package xfce4 missing", stepFailure.Evidence);
        }
    }
}
