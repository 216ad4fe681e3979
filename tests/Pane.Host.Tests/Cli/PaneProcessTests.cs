using System.Text.Json;

namespace Pane.Host.Tests.Cli;

/// <summary>The real <c>pane</c> process, with its real built-in plugins, on this machine.</summary>
public sealed class PaneProcessTests
{
    private const string Qemu = "/usr/bin/qemu-system-x86_64";

    private static bool KvmIsParavirtual() => File.Exists("/dev/kvm") && Directory.Exists("/sys/module/kvm_pvm");

    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        // Given
        using var pane = new PaneProcess();

        // When
        var result = await pane.RunAsync("--version");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0.1.0", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task An_unknown_command_exits_2()
    {
        // Given
        using var pane = new PaneProcess();

        // When
        var result = await pane.RunAsync("frobnicate");

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Unrecognized command or argument 'frobnicate'.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtimes_json_lists_qemu_on_tcg_native_refused_and_wsl_refused_on_this_machine()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Qemu) || !KvmIsParavirtual())
        {
            Assert.Skip("Needs this kind of machine: Linux, qemu-system-x86_64 installed and /dev/kvm served by kvm_pvm.");
        }

        // Given
        using var pane = new PaneProcess();

        // When
        var result = await pane.RunAsync("runtimes", "--json");

        // Then
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var runtimes = json.RootElement.GetProperty("runtimes").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        var qemu = runtimes["qemu"];
        Assert.True(qemu.GetProperty("available").GetBoolean());
        Assert.Equal("tcg", qemu.GetProperty("accelerator").GetString());
        Assert.Matches(@"^\d+\.\d+", qemu.GetProperty("version").GetString());
        Assert.Contains("kvm_pvm", qemu.GetProperty("details").GetProperty("kvm").GetString(), StringComparison.Ordinal);

        var native = runtimes["native"];
        Assert.False(native.GetProperty("available").GetBoolean());
        Assert.Contains("cannot run ordinary guests", native.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(native.GetProperty("remedy").GetString()));

        var wsl = runtimes["wsl"];
        Assert.False(wsl.GetProperty("available").GetBoolean());
        Assert.Contains("Windows", wsl.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var selection = json.RootElement.GetProperty("selection");
        Assert.Equal("auto", selection.GetProperty("requested").GetString());
        Assert.Equal("qemu", selection.GetProperty("chosen").GetString());
        Assert.Equal(
            "chosen by auto: it is the only available runtime (score 20, tcg, not hardware-accelerated).",
            selection.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Plugins_warns_once_about_a_corrupt_plugin_and_still_lists_the_others_with_exit_0()
    {
        // Given
        using var pane = new PaneProcess();
        var broken = Directory.CreateDirectory(Path.Join(pane.Home, "plugins", "Broken")).FullName;
        await File.WriteAllBytesAsync(Path.Join(broken, "Broken.dll"), [0x4D, 0x5A, 0xDE, 0xAD, 0xBE, 0xEF], TestContext.Current.CancellationToken);

        // When
        var result = await pane.RunAsync("plugins");

        // Then
        Assert.Equal(0, result.ExitCode);
        var warnings = result.Error.Split('\n').Where(l => l.StartsWith("warning: plugin 'Broken' ", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains(Path.Join(broken, "Broken.dll"), warning, StringComparison.Ordinal);
        Assert.Contains("Pane.Runtime.QemuWhpx", result.Output, StringComparison.Ordinal);
        Assert.Contains("runtime qemu", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_points_the_host_at_another_folder_than_PANE_HOME()
    {
        // Given
        using var pane = new PaneProcess();
        using var other = new PaneProcess();
        var broken = Directory.CreateDirectory(Path.Join(other.Home, "plugins", "Broken")).FullName;
        await File.WriteAllTextAsync(Path.Join(broken, "Broken.dll"), "not an assembly", TestContext.Current.CancellationToken);

        // When
        var result = await pane.RunAsync("plugins", "--json", "--home", other.Home);

        // Then
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("name").GetString() == "Broken");
        Assert.Equal(Path.Join(broken, "Broken.dll"), error.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Doctor_json_reports_the_host_and_exits_0_when_qemu_can_run_a_machine()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Qemu))
        {
            Assert.Skip("Needs Linux with qemu-system-x86_64 installed.");
        }

        // Given
        using var pane = new PaneProcess();

        // When
        var result = await pane.RunAsync("doctor", "--json");

        // Then
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var host = json.RootElement.GetProperty("host");
        Assert.Equal(pane.Home, host.GetProperty("paneHome").GetString());
        Assert.True(host.GetProperty("paneHomeWritable").GetBoolean());
        Assert.Equal(Environment.ProcessorCount, host.GetProperty("logicalProcessors").GetInt32());
        Assert.True(host.GetProperty("freeDiskBytes").GetInt64() > 0);
        Assert.Equal("kvm", Assert.Single(host.GetProperty("hypervisors").EnumerateArray()).GetProperty("kind").GetString());
        Assert.True(json.RootElement.GetProperty("canRunVirtualMachines").GetBoolean());
    }
}
