using System.Diagnostics;
using System.Text.Json;
using Pane.Host.Hosting;
using Pane.Host.Machines;
using Pane.Host.Platform;
using Pane.Machines;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.ImageSources.Tests.Cli;

/// <summary>The image store's commands, run through the real command line and plugins against a real loopback server.</summary>
public sealed class ImageStoreCommandsTests
{
    private const int MiB = 1 << 20;

    public sealed class Pull
    {
        [Fact]
        public async Task Adds_a_verified_image_with_its_metadata_and_leaves_nothing_else()
        {
            // Given
            using var pane = new PaneCli();
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(2 * MiB));

            // When
            var pull = await pane.RunAsync("image", "pull", server.Url("base.qcow2").AbsoluteUri, "--sha256", server.Sha256);
            var list = await pane.RunAsync("image", "list", "--json");

            // Then
            Assert.Equal(0, pull.ExitCode);
            Assert.Contains($"Added image 'base' (raw, 2.0 MiB, family unknown, sha256 {server.Sha256}).", pull.Output, StringComparison.Ordinal);
            Assert.Equal(["base/base.qcow2", "base/image.json"], pane.ImageFiles());
            using var json = JsonDocument.Parse(list.Output);
            var image = Assert.Single(json.RootElement.EnumerateArray().ToList());
            Assert.Equal("base", image.GetProperty("name").GetString());
            Assert.Equal("https", image.GetProperty("source").GetString());
            Assert.Equal(server.Url("base.qcow2").AbsoluteUri, image.GetProperty("url").GetString());
            Assert.Equal(server.Sha256, image.GetProperty("sha256").GetString());
            Assert.Equal(2 * MiB, image.GetProperty("sizeBytes").GetInt64());
            Assert.Equal("raw", image.GetProperty("format").GetString());
            Assert.True(image.TryGetProperty("addedAt", out _));
        }

        [Fact]
        public async Task Leaves_the_store_empty_when_the_bytes_are_wrong_and_prints_both_hashes()
        {
            // Given
            using var pane = new PaneCli();
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(MiB));
            server.Then(new Misbehaviour { WrongBytes = true });

            // When
            var pull = await pane.RunAsync("image", "pull", $"{server.Url()}#sha256={server.Sha256}");

            // Then
            Assert.Equal(1, pull.ExitCode);
            Assert.Contains($"does not have the expected SHA-256: expected {server.Sha256}, got ", pull.Error, StringComparison.Ordinal);
            Assert.Equal([], pane.ImageFiles());
        }

        [Fact]
        public async Task Says_in_one_sentence_that_the_image_was_not_found()
        {
            // Given
            using var pane = new PaneCli();
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(MiB));
            server.Then(Misbehaviour.Answer(404));

            // When
            var pull = await pane.RunAsync("image", "pull", $"{server.Url()}#sha256={server.Sha256}");

            // Then
            Assert.Equal(1, pull.ExitCode);
            Assert.StartsWith($"error: {server.Url()} was not found on its server (HTTP 404).{Environment.NewLine}remedy: ", pull.Error, StringComparison.Ordinal);
            Assert.Equal([], pane.ImageFiles());
        }

        [Fact]
        public async Task Resumes_within_the_run_after_a_cut_and_writes_NDJSON_events()
        {
            // Given
            using var pane = new PaneCli();
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(12 * MiB));
            server.Then(Misbehaviour.Cut(6 * MiB));

            // When
            var pull = await pane.RunAsync("image", "pull", $"{server.Url()}#sha256={server.Sha256}", "--json");

            // Then
            Assert.Equal(0, pull.ExitCode);
            Assert.True(server.Requests[1].RangeStart > 0);
            var events = pull.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.All(events[..^1], e => Assert.Equal("progress", e.GetProperty("event").GetString()));
            Assert.All(events[..^1], e => Assert.True(e.GetProperty("bytesPerSecond").GetDouble() >= 0));
            var downloaded = events.Last(e => e.GetProperty("event").GetString() == "progress" && e.GetProperty("stage").GetString() == "download" && e.GetProperty("bytesDone").GetInt64() == 12 * MiB);
            Assert.Equal(12 * MiB, downloaded.GetProperty("bytesTotal").GetInt64());
            Assert.True(downloaded.GetProperty("bytesPerSecond").GetDouble() > 0);
            Assert.Equal(0, downloaded.GetProperty("etaSeconds").GetDouble());
            Assert.Equal("image", events[^1].GetProperty("event").GetString());
            Assert.Equal("added", events[^1].GetProperty("status").GetString());
            Assert.Equal(server.Sha256, events[^1].GetProperty("image").GetProperty("sha256").GetString());
        }

        [Fact]
        public async Task Finds_the_image_in_the_store_on_a_second_pull_without_downloading()
        {
            // Given
            using var pane = new PaneCli();
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(MiB));
            var reference = $"{server.Url()}#sha256={server.Sha256}";
            await pane.RunAsync("image", "pull", reference);

            // When
            var again = await pane.RunAsync("image", "pull", reference);

            // Then
            Assert.Equal(0, again.ExitCode);
            Assert.StartsWith("The store has image 'disk'", again.Output, StringComparison.Ordinal);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task Resumes_after_the_pane_process_is_killed_mid_download()
        {
            // Given
            using var pane = new PaneCli();
            await using var server = new TestHttpServer(Downloads.HttpDownloaderTests.Content(24 * MiB));
            server.Then(Misbehaviour.Pause(16 * MiB));
            var reference = $"{server.Url()}#sha256={server.Sha256}";
            var partial = Path.Join(pane.Images, ".incoming", "disk", "disk.qcow2.partial");
            using (var first = StartPane(pane.Home, "image", "pull", reference))
            {
                await server.Paused.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
                while (!File.Exists(partial) || new FileInfo(partial).Length < 8 * MiB)
                {
                    await Task.Delay(50, TestContext.Current.CancellationToken);
                }

                // When
                first.Kill();
                await first.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            var kept = new FileInfo(partial).Length;
            server.Resume.TrySetResult();
            using var second = StartPane(pane.Home, "image", "pull", reference);
            await second.WaitForExitAsync(TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(0, second.ExitCode);
            Assert.Equal(kept, server.Requests[^1].RangeStart);
            Assert.Equal(["disk/disk.qcow2", "disk/image.json"], pane.ImageFiles());
            var verify = await pane.RunAsync("image", "verify", "disk");
            Assert.Equal(0, verify.ExitCode);
            Assert.Contains($"disk: ok (sha256 {server.Sha256})", verify.Output, StringComparison.Ordinal);
        }

        private static Process StartPane(string home, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(PaneCli.HostPath);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["PANE_HOME"] = home;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }
    }

    public sealed class ImportAndBrowse : IDisposable
    {
        private readonly ScratchDirectory _scratch = new();

        [Fact]
        public async Task Imports_a_file_whose_store_name_the_image_commands_accept()
        {
            // Given
            using var pane = new PaneCli();
            var disk = _scratch.File("root.img");
            await new ProcessRunner().RunAsync(new ProcessCommand("mke2fs", ["-q", "-t", "ext4", "-L", "storeroot", disk, "8M"]), TestContext.Current.CancellationToken);

            // When
            var import = await pane.RunAsync("image", "import", disk);
            var info = await pane.RunAsync("image", "info", "root", "--json");
            var ls = await pane.RunAsync("image", "ls", "root", "/");

            // Then
            Assert.Equal(0, import.ExitCode);
            Assert.Contains("Added image 'root' (raw, 8.0 MiB", import.Output, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(info.Output);
            Assert.Equal(Path.Join(pane.Images, "root", "root.img"), json.RootElement.GetProperty("path").GetString());
            Assert.Equal("storeroot", json.RootElement.GetProperty("fileSystem").GetProperty("label").GetString());
            Assert.Contains("lost+found", ls.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Verify_reports_an_image_whose_file_changed()
        {
            // Given
            using var pane = new PaneCli();
            var disk = _scratch.File("changing.raw");
            await File.WriteAllBytesAsync(disk, Downloads.HttpDownloaderTests.Content(100_000), TestContext.Current.CancellationToken);
            await pane.RunAsync("image", "import", disk);
            await File.WriteAllBytesAsync(disk, new byte[100_000], TestContext.Current.CancellationToken);

            // When
            var verify = await pane.RunAsync("image", "verify");

            // Then
            Assert.Equal(1, verify.ExitCode);
            Assert.Contains("changing: MISMATCH: expected sha256 ", verify.Output, StringComparison.Ordinal);
        }

        public void Dispose() => _scratch.Dispose();
    }

    public sealed class Rm : IDisposable
    {
        private readonly ScratchDirectory _scratch = new();

        [Fact]
        public async Task Refuses_while_a_running_machine_uses_the_image_and_removes_it_once_none_does()
        {
            // Given
            using var pane = new PaneCli();
            var disk = _scratch.File("busy.raw");
            await File.WriteAllBytesAsync(disk, new byte[65536], TestContext.Current.CancellationToken);
            await pane.RunAsync("image", "import", disk);
            var machines = new MachineStore(new PaneHome(pane.Home));
            var self = Environment.ProcessId;
            await machines.WriteAsync(
                new VirtualMachineRecord
                {
                    Name = "m1",
                    RuntimeId = "qemu",
                    ProcessId = self,
                    ProcessStartTime = ProcessIdentity.StartTimeOf(self),
                    Disks = [new DiskSpec(Path.Join(pane.Images, "busy", "busy.raw"), DiskFormat.Raw, DiskRole.Base)],
                    StartedAt = DateTimeOffset.UtcNow,
                },
                TestContext.Current.CancellationToken);

            // When
            var refused = await pane.RunAsync("image", "rm", "busy");
            machines.Delete("m1");
            var removed = await pane.RunAsync("image", "rm", "busy");

            // Then
            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith("error: Image 'busy' is in use by the running machine 'm1'.", refused.Error, StringComparison.Ordinal);
            Assert.Equal(0, removed.ExitCode);
            Assert.Equal([], pane.ImageFiles());
            Assert.True(File.Exists(disk));
        }

        [Fact]
        public async Task Refuses_while_a_stopped_machine_keeps_a_root_overlay_on_the_image_and_removes_it_once_the_overlay_is_reset()
        {
            // Given
            using var pane = new PaneCli();
            var disk = _scratch.File("base.raw");
            await File.WriteAllBytesAsync(disk, new byte[65536], TestContext.Current.CancellationToken);
            await pane.RunAsync("image", "import", disk);
            var machine = Directory.CreateDirectory(Path.Join(pane.Home, "vms", "desk")).FullName;
            var overlay = Path.Join(machine, "root.qcow2");
            var created = await new ProcessRunner().RunAsync(
                new ProcessCommand("qemu-img", ["create", "-q", "-f", "qcow2", "-F", "raw", "-b", Path.Join(pane.Images, "base", "base.raw"), overlay]),
                TestContext.Current.CancellationToken);

            // When
            var refused = await pane.RunAsync("image", "rm", "base");
            var reset = await pane.RunAsync("workspace", "reset", "--name", "desk", "--yes");
            var removed = await pane.RunAsync("image", "rm", "base");

            // Then
            Assert.Equal(0, created.ExitCode);
            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith("error: Image 'base' is the base of the root overlay that machine 'desk' keeps between launches", refused.Error, StringComparison.Ordinal);
            Assert.Contains("pane workspace reset --name desk", refused.Error, StringComparison.Ordinal);
            Assert.Equal(0, reset.ExitCode);
            Assert.False(File.Exists(overlay));
            Assert.Equal(0, removed.ExitCode);
            Assert.Equal([], pane.ImageFiles());
        }

        [Fact]
        public async Task Removes_an_image_that_no_kept_overlay_names()
        {
            // Given
            using var pane = new PaneCli();
            var other = _scratch.File("other.raw");
            var disk = _scratch.File("lonely.raw");
            await File.WriteAllBytesAsync(other, new byte[65536], TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(disk, new byte[65536], TestContext.Current.CancellationToken);
            await pane.RunAsync("image", "import", disk);
            var machine = Directory.CreateDirectory(Path.Join(pane.Home, "vms", "desk")).FullName;
            await new ProcessRunner().RunAsync(
                new ProcessCommand("qemu-img", ["create", "-q", "-f", "qcow2", "-F", "raw", "-b", other, Path.Join(machine, "root.qcow2")]),
                TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Join(Directory.CreateDirectory(Path.Join(pane.Home, "vms", "broken")).FullName, "root.qcow2"), "not qcow2", TestContext.Current.CancellationToken);

            // When
            var removed = await pane.RunAsync("image", "rm", "lonely");

            // Then
            Assert.Equal(0, removed.ExitCode);
            Assert.Equal([], pane.ImageFiles());
        }

        public void Dispose() => _scratch.Dispose();
    }

    public sealed class Config
    {
        [Fact]
        public async Task Set_default_image_changes_what_get_and_doctor_show()
        {
            // Given: nothing configured, so the built-in default, arch (with debian as its fallback on Linux)
            using var pane = new PaneCli();

            // When
            var before = await pane.RunAsync("config", "get", "default-image");
            var set = await pane.RunAsync("config", "set", "default-image", "https://example.org/x.qcow2#sha256=" + new string('d', 64));
            var after = await pane.RunAsync("config", "get", "default-image");
            var doctor = await pane.RunAsync("doctor", "--json");

            // Then
            Assert.Equal("arch", before.Output.Trim());
            Assert.Equal(0, set.ExitCode);
            Assert.Equal("https://example.org/x.qcow2#sha256=" + new string('d', 64), after.Output.Trim());
            using var json = JsonDocument.Parse(doctor.Output);
            var defaultImage = json.RootElement.GetProperty("defaultImage");
            Assert.Equal("https://example.org/x.qcow2#sha256=" + new string('d', 64), defaultImage.GetProperty("reference").GetString());
            Assert.False(defaultImage.GetProperty("inStore").GetBoolean());
            Assert.True(File.Exists(Path.Join(pane.Home, "config.json")));
        }

        [Fact]
        public async Task Refuses_an_unknown_key()
        {
            // Given
            using var pane = new PaneCli();

            // When
            var result = await pane.RunAsync("config", "set", "colour", "blue");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith("error: 'colour' is not a Pane setting.", result.Error, StringComparison.Ordinal);
        }
    }
}
