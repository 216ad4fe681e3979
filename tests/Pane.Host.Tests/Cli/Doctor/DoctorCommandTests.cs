using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Platform.Facts;
using Pane.Host.Plugins;
using Pane.Host.Tests.Runtimes;
using Pane.Images;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Host.Tests.Cli.Doctor;

public sealed class DoctorCommandTests
{
    private const string Home = "/tmp/pane-doctor-home";

    private static IHostFactsCollector Facts(params HostProblem[] problems)
    {
        var facts = Substitute.For<IHostFactsCollector>();
        facts.Collect(Arg.Any<string>()).Returns(call => new HostFacts
        {
            OperatingSystem = "Debian GNU/Linux 12 (bookworm)",
            Architecture = Architecture.X64,
            LogicalProcessors = 2,
            PhysicalMemoryBytes = 8L << 30,
            Virtualization = new HardwareVirtualization(false, true, "no vmx or svm flag in /proc/cpuinfo"),
            PaneHome = call.Arg<string>(),
            PaneHomeWritable = true,
            FreeDiskBytes = 50L << 30,
            Problems = problems,
        });
        return facts;
    }

    private static IHostPlatform Linux()
    {
        var platform = Substitute.For<IHostPlatform>();
        platform.OperatingSystem.Returns(HostOperatingSystem.Linux);
        return platform;
    }

    private static IHypervisorProbe KvmRefused()
    {
        var probe = Substitute.For<IHypervisorProbe>();
        probe.ProbeAsync(HypervisorKind.Kvm, Arg.Any<CancellationToken>())
            .Returns(HypervisorStatus.Unusable(HypervisorKind.Kvm, "kvm_pvm cannot run ordinary guests.", "Use hardware KVM.", "/dev/kvm served by kvm_pvm"));
        return probe;
    }

    private static Action<IServiceCollection> Services(IPluginCatalog catalog, IHostFactsCollector facts) => services => services
        .AddSingleton(catalog)
        .AddSingleton(facts)
        .AddSingleton(Linux())
        .AddSingleton(KvmRefused());

    private static IPluginCatalog QemuOnTcg() => TestRuntimes.Catalog(
        TestRuntimes.Available("qemu", 20, "tcg", accelerated: false),
        TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Use Windows."));

    public sealed class ExecuteAsync
    {
        [Fact]
        public async Task Reports_every_section_and_exits_0_when_a_runtime_can_run_a_machine()
        {
            // When
            var result = await CliRunner.RunAsync(Services(QemuOnTcg(), Facts()), "doctor", "--home", Home);

            // Then
            Assert.Equal(0, result.ExitCode);
            var lines = result.Output.Split('\n');
            Assert.Equal(
                ["Host", "Plugins", "Runtimes", "Recipes", "Problems"],
                lines.Where(l => l.Length > 0 && char.IsUpper(l[0]) && !l.Contains(' ', StringComparison.Ordinal)));
            Assert.Contains("  operating system  Debian GNU/Linux 12 (bookworm) (x64)", lines);
            Assert.Contains("  logical CPUs      2", lines);
            Assert.Contains("  memory            8.0 GiB", lines);
            Assert.Contains("  virtualization    no (no vmx or svm flag in /proc/cpuinfo; this host is itself a virtual machine)", lines);
            Assert.Contains("  kvm               not usable: kvm_pvm cannot run ordinary guests.", lines);
            Assert.Contains($"  PANE_HOME         {Home} (writable)", lines);
            Assert.Contains("  free disk         50.0 GiB", lines);
            Assert.Contains("None found.", lines);
            Assert.Equal("Pane can run virtual machines here: auto picks qemu.", lines.Last(l => l.Length > 0));
        }

        [Fact]
        public async Task Shows_arch_as_the_default_and_debian_as_its_fallback_on_Linux_when_a_debian_source_is_loaded()
        {
            // Given
            var catalog = QemuOnTcg();
            var debian = Substitute.For<IImageSource>();
            debian.Id.Returns("debian");
            catalog.ImageSources.Returns([debian]);

            // When
            var text = await CliRunner.RunAsync(Services(catalog, Facts()), "doctor", "--home", Home);
            var json = await CliRunner.RunAsync(Services(catalog, Facts()), "doctor", "--home", Home, "--json");

            // Then
            var lines = text.Output.Split('\n').SkipWhile(l => l != "Default image").Skip(1).TakeWhile(l => l.Length > 0);
            Assert.Equal(
                [
                    "  arch (built-in default on Linux); not in the store yet: the first 'pane launch' acquires it",
                    "  when its server cannot be reached: debian, built locally",
                ],
                lines);
            using var report = JsonDocument.Parse(json.Output);
            var image = report.RootElement.GetProperty("defaultImage");
            Assert.Equal("arch", image.GetProperty("reference").GetString());
            Assert.Equal("debian", image.GetProperty("fallback").GetString());
        }

        [Fact]
        public async Task Gathers_the_facts_of_the_home_folder_given_by_home()
        {
            // Given
            var facts = Facts();

            // When
            await CliRunner.RunAsync(Services(QemuOnTcg(), facts), "--home", Home, "doctor");

            // Then
            facts.Received(1).Collect(Home);
        }

        [Fact]
        public async Task Lists_each_host_problem_and_plugin_error_with_its_remedy()
        {
            // Given
            var catalog = QemuOnTcg();
            catalog.Errors.Returns([new PluginLoadError("Broken", "/h/plugins/Broken/Broken.dll", "It is not a .NET assembly.", "Remove it.")]);
            var facts = Facts(new HostProblem("disk", "Only 2.0 GiB is free.", "Free some space."));

            // When
            var result = await CliRunner.RunAsync(Services(catalog, facts), "doctor", "--home", Home);

            // Then
            Assert.Equal(0, result.ExitCode);
            var problems = result.Output.Split('\n').SkipWhile(l => l != "Problems").Skip(1).TakeWhile(l => l.Length > 0);
            Assert.Equal(
                [
                    "disk: Only 2.0 GiB is free.",
                    "  remedy: Free some space.",
                    "plugin:Broken: The plugin 'Broken' (/h/plugins/Broken/Broken.dll) did not load: It is not a .NET assembly.",
                    "  remedy: Remove it.",
                ],
                problems);
        }

        [Fact]
        public async Task Exits_1_and_says_so_when_nothing_can_run_a_machine()
        {
            // Given
            var catalog = TestRuntimes.Catalog(TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Use Windows."));

            // When
            var result = await CliRunner.RunAsync(Services(catalog, Facts()), "doctor", "--home", Home);

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("runtimes: Nothing can run a virtual machine: every runtime is unavailable.", result.Output, StringComparison.Ordinal);
            Assert.Contains("  remedy: Follow the remedy of one of the runtimes listed above.", result.Output, StringComparison.Ordinal);
            Assert.EndsWith("Nothing can run a virtual machine here.\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Exits_1_when_no_plugin_provides_a_runtime()
        {
            // When
            var result = await CliRunner.RunAsync(Services(TestRuntimes.Catalog(), Facts()), "doctor", "--home", Home, "--json");

            // Then
            Assert.Equal(1, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
            Assert.Equal("runtimes", problem.GetProperty("subject").GetString());
            Assert.Contains("no plugin provides a runtime", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.False(json.RootElement.GetProperty("canRunVirtualMachines").GetBoolean());
        }

        [Fact]
        public async Task Json_has_the_documented_shape()
        {
            // Given
            var facts = Facts(new HostProblem("virtualization", "No VT-x.", "Enable it."));

            // When
            var result = await CliRunner.RunAsync(Services(QemuOnTcg(), facts), "doctor", "--home", Home, "--json");

            // Then
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            var root = json.RootElement;
            Assert.Equal(
                ["host", "plugins", "runtimes", "recipes", "defaultImage", "problems", "canRunVirtualMachines"],
                root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["reference", "origin", "inStore", "fallback"], root.GetProperty("defaultImage").EnumerateObject().Select(p => p.Name));
            var host = root.GetProperty("host");
            Assert.Equal(
                ["operatingSystem", "architecture", "logicalProcessors", "physicalMemoryBytes", "virtualization", "hypervisors", "paneHome", "paneHomeWritable", "freeDiskBytes"],
                host.EnumerateObject().Select(p => p.Name));
            Assert.Equal("x64", host.GetProperty("architecture").GetString());
            Assert.Equal(8L << 30, host.GetProperty("physicalMemoryBytes").GetInt64());
            Assert.False(host.GetProperty("virtualization").GetProperty("available").GetBoolean());
            Assert.True(host.GetProperty("virtualization").GetProperty("runsUnderHypervisor").GetBoolean());
            var kvm = Assert.Single(host.GetProperty("hypervisors").EnumerateArray());
            Assert.Equal("kvm", kvm.GetProperty("kind").GetString());
            Assert.False(kvm.GetProperty("usable").GetBoolean());
            Assert.Equal("/dev/kvm served by kvm_pvm", kvm.GetProperty("detail").GetString());
            Assert.Equal("Use hardware KVM.", kvm.GetProperty("remedy").GetString());
            Assert.Equal(Home, host.GetProperty("paneHome").GetString());
            Assert.True(host.GetProperty("paneHomeWritable").GetBoolean());
            Assert.Equal("qemu", root.GetProperty("runtimes").GetProperty("selection").GetProperty("chosen").GetString());
            Assert.Equal(JsonValueKind.Array, root.GetProperty("plugins").GetProperty("plugins").ValueKind);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("recipes").GetProperty("recipes").ValueKind);
            var problem = Assert.Single(root.GetProperty("problems").EnumerateArray());
            Assert.Equal(["subject", "message", "remedy"], problem.EnumerateObject().Select(p => p.Name));
            Assert.True(root.GetProperty("canRunVirtualMachines").GetBoolean());
        }
    }
}
