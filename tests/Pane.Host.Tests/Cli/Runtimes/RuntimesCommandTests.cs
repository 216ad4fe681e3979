using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;
using Pane.Host.Tests.Runtimes;
using Pane.Runtimes;

namespace Pane.Host.Tests.Cli.Runtimes;

public sealed class RuntimesCommandTests
{
    private static IPluginCatalog ThisMachine() => TestRuntimes.Catalog(
        TestRuntimes.Provider("qemu", RuntimeProbeResult.Available(20, "tcg", isAccelerated: false) with
        {
            Version = "7.2.19",
            Details = new Dictionary<string, string>
            {
                ["path"] = "/usr/bin/qemu-system-x86_64",
                ["kvm"] = "refused: /dev/kvm is kvm_pvm.",
            },
        }),
        TestRuntimes.Unavailable("native", "This /dev/kvm cannot run an ordinary guest.", "Use a host with working KVM."),
        TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Run Pane on Windows to use WSL."));

    public sealed class ExecuteAsync
    {
        [Fact]
        public async Task Lists_each_runtime_with_its_verdict_and_the_choice_of_auto()
        {
            // Given
            var catalog = ThisMachine();

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "runtimes");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(
                [
                    "RUNTIME  AVAILABLE  SCORE  ACCELERATOR  VERSION",
                    "qemu     yes        20     tcg (slow)   7.2.19",
                    "native   no         -      -            -",
                    "wsl      no         -      -            -",
                    "qemu: chosen by auto: it is the only available runtime (score 20, tcg, not hardware-accelerated).",
                    "  kvm: refused: /dev/kvm is kvm_pvm.",
                    "  path: /usr/bin/qemu-system-x86_64",
                    "native: not chosen: unavailable: This /dev/kvm cannot run an ordinary guest.",
                    "  remedy: Use a host with working KVM.",
                    "wsl: not chosen: unavailable: WSL needs Windows.",
                    "  remedy: Run Pane on Windows to use WSL.",
                    "auto: qemu",
                ],
                result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public async Task Says_when_nothing_can_run_a_machine_and_still_exits_0()
        {
            // Given
            var catalog = TestRuntimes.Catalog(TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Use Windows."));

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "runtimes");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("auto: nothing can run a machine.", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Says_so_when_no_plugin_provides_a_runtime()
        {
            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(TestRuntimes.Catalog()), "runtimes");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("No runtimes: no plugin provides one.", result.Output.Trim());
        }

        [Fact]
        public async Task Warns_about_plugins_that_failed_to_load()
        {
            // Given
            var catalog = ThisMachine();
            catalog.Errors.Returns([new PluginLoadError("Broken", "/p/Broken.dll", "Bad image.", "Remove it.")]);

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "runtimes", "--json");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("warning: plugin 'Broken' (/p/Broken.dll): Bad image.", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_has_the_documented_shape()
        {
            // Given
            var catalog = ThisMachine();

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "runtimes", "--json");

            // Then
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            var root = json.RootElement;
            Assert.Equal(["selection", "runtimes"], root.EnumerateObject().Select(p => p.Name));
            var selection = root.GetProperty("selection");
            Assert.Equal("auto", selection.GetProperty("requested").GetString());
            Assert.Equal("qemu", selection.GetProperty("chosen").GetString());
            Assert.StartsWith("chosen by auto:", selection.GetProperty("reason").GetString(), StringComparison.Ordinal);

            var runtimes = root.GetProperty("runtimes").EnumerateArray().ToList();
            Assert.Equal(["qemu", "native", "wsl"], runtimes.Select(r => r.GetProperty("id").GetString()));
            var qemu = runtimes[0];
            Assert.Equal(
                ["id", "name", "available", "score", "accelerator", "accelerated", "version", "reason", "remedy", "details", "capabilities", "chosen", "verdict"],
                qemu.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Runtime qemu", qemu.GetProperty("name").GetString());
            Assert.True(qemu.GetProperty("available").GetBoolean());
            Assert.Equal(20, qemu.GetProperty("score").GetInt32());
            Assert.Equal("tcg", qemu.GetProperty("accelerator").GetString());
            Assert.False(qemu.GetProperty("accelerated").GetBoolean());
            Assert.Equal("7.2.19", qemu.GetProperty("version").GetString());
            Assert.Equal(JsonValueKind.Null, qemu.GetProperty("reason").ValueKind);
            Assert.Equal("refused: /dev/kvm is kvm_pvm.", qemu.GetProperty("details").GetProperty("kvm").GetString());
            Assert.Equal(["graphicalDisplay", "serialConsole"], qemu.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
            Assert.True(qemu.GetProperty("chosen").GetBoolean());

            var native = runtimes[1];
            Assert.False(native.GetProperty("available").GetBoolean());
            Assert.Equal(0, native.GetProperty("score").GetInt32());
            Assert.Equal("This /dev/kvm cannot run an ordinary guest.", native.GetProperty("reason").GetString());
            Assert.Equal("Use a host with working KVM.", native.GetProperty("remedy").GetString());
            Assert.False(native.GetProperty("chosen").GetBoolean());
            Assert.Equal("not chosen: unavailable: This /dev/kvm cannot run an ordinary guest.", native.GetProperty("verdict").GetString());
        }

        [Fact]
        public async Task Json_chooses_null_when_nothing_is_available()
        {
            // Given
            var catalog = TestRuntimes.Catalog(TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Use Windows."));

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "runtimes", "--json");

            // Then
            using var json = JsonDocument.Parse(result.Output);
            var selection = json.RootElement.GetProperty("selection");
            Assert.Equal(JsonValueKind.Null, selection.GetProperty("chosen").ValueKind);
            Assert.Contains("No runtime is available", selection.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
    }
}
