using System.Diagnostics;
using System.Text.RegularExpressions;
using Pane.Host.DiskImages;
using Pane.Host.Platform;
using Pane.Platform;
using Pane.Tests.Fixtures;

namespace Pane.Host.Tests.Cli.Provision;

/// <summary>
/// The real <c>pane provision</c> on the guest fixture under QEMU (TCG here), twice: the first run boots the
/// machine, sets a generated root password and creates a sudo user; the second boots the overlay the first left and
/// changes the passwords. After each, the root overlay is read on the host: the hashes are real crypt hashes of the
/// given passwords, the user is in its admin groups, and there is exactly one of it.
/// </summary>
[Collection(GuestBoots.Name)]
public sealed partial class ProvisionEndToEndTests : IDisposable
{
    private static readonly string s_host = Path.Join(AppContext.BaseDirectory, "pane.dll");
    private readonly BootHome _boot = new("pane-provision-");

    public void Dispose() => _boot.Dispose();

    [Fact]
    public async Task Sets_real_password_hashes_and_a_sudo_user_then_a_second_run_changes_the_passwords_without_a_second_user()
    {
        // Given
        var image = GuestImage.Shared.Disk;
        const string FirstPassword = "first pass: 'quoted' $HOME";
        const string SecondPassword = "Second-Pass-456";
        const string RootPassword = "Root-Pass-789";

        // When
        var first = await PaneAsync("provision", "--image", image, "--cpus", "2", "--memory", "512", "--username", "alice", "--password", FirstPassword);
        Assert.True(first.ExitCode == 0, Failure(first));
        var afterFirst = ReadOverlay();
        var second = await PaneAsync("provision", "--cpus", "2", "--memory", "512", "--username", "alice", "--password", SecondPassword, "--root-password", RootPassword);
        Assert.True(second.ExitCode == 0, Failure(second));
        var afterSecond = ReadOverlay();

        // Then
        var generated = GeneratedRootPassword().Match(first.StandardOutputText);
        Assert.True(generated.Success, first.StandardOutputText);
        Assert.Contains("created 'alice', admin groups: wheel, sudo", first.StandardOutputText, StringComparison.Ordinal);
        Assert.Contains("Verified: 'alice' is in wheel and sudo", first.StandardOutputText, StringComparison.Ordinal);
        Assert.Contains("powered off after the ACPI power button", first.StandardOutputText, StringComparison.Ordinal);
        Assert.True(await IsHashOfAsync(afterFirst.Shadow["root"], generated.Groups["password"].Value), "root's hash is not of the generated password");
        Assert.True(await IsHashOfAsync(afterFirst.Shadow["alice"], FirstPassword), afterFirst.Shadow["alice"]);
        Assert.Equal("wheel:x:10:alice", afterFirst.Group["wheel"]);
        Assert.Equal("sudo:x:27:alice", afterFirst.Group["sudo"]);
        Assert.Equal("%wheel ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL:ALL) ALL\n", afterFirst.Sudoers);

        Assert.Contains("updated the existing user 'alice'", second.StandardOutputText, StringComparison.Ordinal);
        Assert.DoesNotContain("shown only now", second.StandardOutputText, StringComparison.Ordinal);
        Assert.NotEqual(afterFirst.Shadow["alice"], afterSecond.Shadow["alice"]);
        Assert.True(await IsHashOfAsync(afterSecond.Shadow["alice"], SecondPassword), afterSecond.Shadow["alice"]);
        Assert.True(await IsHashOfAsync(afterSecond.Shadow["root"], RootPassword), afterSecond.Shadow["root"]);
        Assert.Single(afterSecond.Passwd, line => line.StartsWith("alice:", StringComparison.Ordinal));
        Assert.Equal("wheel:x:10:alice", afterSecond.Group["wheel"]);
        Assert.Equal("sudo:x:27:alice", afterSecond.Group["sudo"]);

        var transcript = await File.ReadAllTextAsync(Path.Combine(_boot.Path, "vms", "default", "provision.log"), TestContext.Current.CancellationToken);
        var serial = await File.ReadAllTextAsync(Path.Combine(_boot.Path, "vms", "default", "serial.log"), TestContext.Current.CancellationToken);
        foreach (var secret in new[] { generated.Groups["password"].Value, FirstPassword, SecondPassword, RootPassword })
        {
            Assert.DoesNotContain(secret, transcript, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, serial, StringComparison.Ordinal);
        }
    }

    private async Task<ProcessResult> PaneAsync(params string[] args)
    {
        var command = new ProcessCommand("dotnet", [s_host, "--home", _boot.Path, .. args]) { Timeout = TimeSpan.FromMinutes(8) };
        return await new ProcessRunner().RunAsync(command, TestContext.Current.CancellationToken);
    }

    /// <summary>What a failed run printed, and the tail of the provisioning transcript, which the home's deletion would lose.</summary>
    private string Failure(ProcessResult run)
    {
        var transcript = Path.Combine(_boot.Path, "vms", "default", "provision.log");
        var tail = File.Exists(transcript) ? string.Join('\n', File.ReadLines(transcript).TakeLast(40)) : "(no transcript)";
        return $"pane provision exited with {run.ExitCode}:\n{run.StandardOutputText}{run.StandardError}\ntranscript tail:\n{tail}";
    }

    private GuestFiles ReadOverlay()
    {
        using var disk = DiskImage.Open(Path.Combine(_boot.Path, "vms", "default", "root.qcow2"));
        using var fileSystem = disk.OpenFileSystem(disk.ReadPartitionTable().Partitions[0]);
        string Read(string path)
        {
            using var reader = new StreamReader(fileSystem.OpenFile(path));
            return reader.ReadToEnd();
        }

        static Dictionary<string, string> ByName(string text) =>
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(line => line.Split(':')[0], line => line, StringComparer.Ordinal);

        return new GuestFiles(
            ByName(Read("/etc/shadow")).ToDictionary(pair => pair.Key, pair => pair.Value.Split(':')[1], StringComparer.Ordinal),
            ByName(Read("/etc/group")),
            Read("/etc/passwd").Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Read("/etc/sudoers.d/10-pane-admins"));
    }

    /// <summary>
    /// Hashes the password again with the hash's own salt (busybox mkpasswd on the host) and compares. The
    /// <c>--</c> matters: a generated password may begin with <c>-</c>, which mkpasswd would otherwise take as an option.
    /// </summary>
    private static async Task<bool> IsHashOfAsync(string hash, string password)
    {
        var parts = hash.Split('$');
        if (parts is not [_, "6", _, _])
        {
            return false;
        }

        var again = await new ProcessRunner().RunAsync(new ProcessCommand("busybox", ["mkpasswd", "-m", "sha512", "-S", parts[2], "--", password]), TestContext.Current.CancellationToken);
        return again.StandardOutputText.Trim() == hash;
    }

    [GeneratedRegex(@"root password \(generated, shown only now\): (?<password>\S{24})")]
    private static partial Regex GeneratedRootPassword();

    private sealed record GuestFiles(Dictionary<string, string> Shadow, Dictionary<string, string> Group, string[] Passwd, string Sudoers);
}
