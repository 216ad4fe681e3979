using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Pane.Host.Platform;
using Pane.Platform;
using Pane.Tests.Fixtures;

namespace Pane.Host.Tests.Cli.Launch;

/// <summary>
/// The real <c>pane</c> process booting the real guest fixture under QEMU (TCG here): launch, status, console,
/// stop, a killed QEMU, and a guest that never reaches its login. Slow by nature, so few and thorough.
/// </summary>
[Collection(GuestBoots.Name)]
public sealed class MachineLifecycleTests : IDisposable
{
    private static readonly string s_host = Path.Join(AppContext.BaseDirectory, "pane.dll");
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(6);
    private readonly BootHome _boot = new("pane-lifecycle-");

    public void Dispose() => _boot.Dispose();

    private async Task<ProcessResult> PaneAsync(params string[] args)
    {
        var command = new ProcessCommand("dotnet", [s_host, "--home", _boot.Path, .. args]) { Timeout = s_commandTimeout };
        return await new ProcessRunner().RunAsync(command, TestContext.Current.CancellationToken);
    }

    private static string[] Machine(string image) => [image, "--cpus", "2", "--memory", "512", "--timeout", "300"];

    [Fact]
    public async Task Detaches_reports_status_answers_on_the_console_runs_a_second_attached_machine_beside_it_stops_gracefully_or_by_kill_and_recovers_from_a_killed_qemu()
    {
        // Given
        var image = GuestImage.Shared.Disk;
        var imageHash = await HashAsync(image);

        // When
        var launched = await PaneAsync(["launch", .. Machine(image), "--detach"]);
        var second = await PaneAsync(["launch", .. Machine(image), "--detach"]);
        var running = await PaneAsync("status", "--json");
        var answer = await AskOnConsoleAsync("echo MARK-$((6*7))", "MARK-42");
        var attachedBeside = await AttachTypeAndDetachAsync(["launch", .. Machine(image), "--name", "beside"], "echo MARK-$((7*8))", "MARK-56", TimeSpan.FromMinutes(6));
        var both = await PaneAsync("status", "--json");
        var besideKilled = await PaneAsync("stop", "--name", "beside", "--grace", "0");
        var stopped = await PaneAsync("stop");
        var afterStop = await PaneAsync("status", "--name", "default", "--json");
        var relaunched = await PaneAsync(["launch", .. Machine(image), "--detach"]);
        KillQemu();
        var stale = await PaneAsync("status", "--name", "default", "--json");
        var headless = await PaneAsync(["launch", .. Machine(image), "--headless", "--json"]);

        // Then
        Assert.True(launched.ExitCode == 0, launched.StandardError);
        Assert.Contains("login reached", launched.StandardOutputText, StringComparison.Ordinal);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("Machine 'default' is already running", second.StandardError, StringComparison.Ordinal);
        var status = JsonDocument.Parse(running.StandardOutputText).RootElement[0];
        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal("qemu", status.GetProperty("runtime").GetString());
        Assert.StartsWith("unix:", status.GetProperty("control").GetString(), StringComparison.Ordinal);
        Assert.True(answer);
        Assert.True(attachedBeside);
        Assert.Equal(
            ["beside running", "default running"],
            JsonDocument.Parse(both.StandardOutputText).RootElement.EnumerateArray().Select(machine => $"{machine.GetProperty("name").GetString()} {machine.GetProperty("state").GetString()}").Order(StringComparer.Ordinal));
        Assert.Contains("Machine 'beside' did not power off within", besideKilled.StandardOutputText, StringComparison.Ordinal);
        Assert.Contains("powered off after the ACPI power button", stopped.StandardOutputText, StringComparison.Ordinal);
        Assert.Equal("stopped", JsonDocument.Parse(afterStop.StandardOutputText).RootElement[0].GetProperty("state").GetString());
        Assert.True(relaunched.ExitCode == 0, relaunched.StandardError);
        Assert.Equal("stale", JsonDocument.Parse(stale.StandardOutputText).RootElement[0].GetProperty("state").GetString());
        Assert.True(headless.ExitCode == 0, headless.StandardError);
        var report = JsonDocument.Parse(headless.StandardOutputText).RootElement;
        Assert.Equal("login", report.GetProperty("timeline").EnumerateArray().Last().GetProperty("milestone").GetString());
        Assert.Equal("acpiPowerdown", report.GetProperty("stopped").GetProperty("method").GetString());
        Assert.Equal(imageHash, await HashAsync(image));
    }

    [Fact]
    public async Task A_guest_that_never_reaches_its_login_fails_with_its_last_console_lines()
    {
        // Given
        var image = GuestImage.Shared.Disk;

        // When
        var result = await PaneAsync(["launch", image, "--cpus", "2", "--memory", "512", "--headless", "--timeout", "60", "--append", "root=PARTUUID=deadbeef-01"]);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not reach a login within 60 s", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Failed to mount /sysroot", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("[]", (await PaneAsync("status", "--json")).StandardOutputText.Trim());
    }

    [Fact]
    public async Task Keeps_root_changes_across_boots_in_an_overlay_with_persist_root_and_never_writes_the_image()
    {
        // Given
        var image = GuestImage.Shared.Disk;
        var imageHash = await HashAsync(image);

        // When
        var first = await PaneAsync(["launch", .. Machine(image), "--persist-root", "--detach"]);
        var written = await AskOnConsoleAsync("echo persisted > /root/marker && sync && echo MARK-$((1+1))", "MARK-2");
        await PaneAsync("stop");
        var second = await PaneAsync(["launch", .. Machine(image), "--persist-root", "--detach"]);
        var readBack = await AskOnConsoleAsync("cat /root/marker", "persisted");
        var stopped = await PaneAsync("stop");

        // Then
        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.True(written);
        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.True(readBack);
        Assert.Contains("powered off after the ACPI power button", stopped.StandardOutputText, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_boot.Path, "vms", "default", "root.qcow2")));
        Assert.Equal(imageHash, await HashAsync(image));
    }

    /// <summary>Runs <c>pane console</c>, types until the answer shows (login may flush early input), then detaches.</summary>
    private Task<bool> AskOnConsoleAsync(string command, string answer) => AttachTypeAndDetachAsync(["console"], command, answer, TimeSpan.FromMinutes(2));

    /// <summary>
    /// Runs a pane command that attaches the terminal to a console, types the command until the answer shows (the
    /// guest may still boot, and login may flush early input), then detaches with Ctrl+].
    /// </summary>
    private async Task<bool> AttachTypeAndDetachAsync(string[] args, string command, string answer, TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[s_host, "--home", _boot.Path, .. args])
        {
            start.ArgumentList.Add(argument);
        }

        using var console = Process.Start(start)!;
        var answered = new TaskCompletionSource();
        console.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Trim() == answer)
            {
                answered.TrySetResult();
            }
        };
        console.BeginOutputReadLine();
        var deadline = Stopwatch.StartNew();
        while (!answered.Task.IsCompleted && deadline.Elapsed < limit)
        {
            await console.StandardInput.WriteAsync(command + "\r");
            await console.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
            await Task.WhenAny(answered.Task, Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken));
        }

        await console.StandardInput.WriteAsync('\u001d');
        await console.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
        await console.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return answered.Task.IsCompleted && console.ExitCode == 0;
    }

    private void KillQemu()
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(_boot.Path, "vms", "default", "qemu.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var qemu = Process.GetProcessById(pid);
        qemu.Kill();
        qemu.WaitForExit();
    }

    private static async Task<string> HashAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(file, TestContext.Current.CancellationToken));
    }
}
