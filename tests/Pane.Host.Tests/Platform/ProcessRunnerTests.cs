using Pane.Host.Platform;
using Pane.Platform;

namespace Pane.Host.Tests.Platform;

public sealed class ProcessRunnerTests
{
    private static ProcessCommand Shell(string script) => new("/bin/sh", ["-c", script]);

    private static void SkipWithoutShell()
    {
        if (!File.Exists("/bin/sh"))
        {
            Assert.Skip("These tests run real programs through /bin/sh.");
        }
    }

    private static bool IsRunning(int processId) =>
        File.Exists($"/proc/{processId}/stat")
        && !File.ReadAllText($"/proc/{processId}/stat").Split(')')[^1].TrimStart().StartsWith('Z');

    public sealed class RunAsync : IDisposable
    {
        private readonly ProcessRunner _runner = new();
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pane-runner-");

        public void Dispose() => _folder.Delete(recursive: true);

        [Fact]
        public async Task Returns_the_exit_code_output_bytes_and_error_text_of_a_program_that_fails()
        {
            // Given
            SkipWithoutShell();
            var command = Shell("printf '\\377\\000A'; printf 'something broke\\n' >&2; exit 3");

            // When
            var result = await _runner.RunAsync(command, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(3, result.ExitCode);
            Assert.Equal(new byte[] { 0xFF, 0x00, 0x41 }, result.StandardOutput.ToArray());
            Assert.Equal("something broke\n", result.StandardError);
            Assert.Same(command, result.Command);
            var error = Assert.Throws<ProcessFailedException>(() => result.EnsureSuccess());
            Assert.Contains("exited with code 3: something broke", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Passes_arguments_unquoted_and_sets_environment_variables()
        {
            // Given
            SkipWithoutShell();
            var command = Shell("printf '%s|%s' \"$1\" \"$PANE_TEST_VALUE\"") with { Environment = new Dictionary<string, string> { ["PANE_TEST_VALUE"] = "from the runner" } };
            command = command with { Arguments = [.. command.Arguments, "sh", "one argument; with $pecial chars"] };

            // When
            var result = await _runner.RunAsync(command, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("one argument; with $pecial chars|from the runner", result.StandardOutputText);
        }

        [Fact]
        public async Task Captures_more_output_than_a_pipe_holds()
        {
            // Given
            SkipWithoutShell();
            var command = Shell("head -c 1000000 /dev/zero; head -c 200000 /dev/zero | tr '\\0' e >&2");

            // When
            var result = await _runner.RunAsync(command, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(1_000_000, result.StandardOutput.Length);
            Assert.Equal(200_000, result.StandardError.Length);
        }

        [Fact]
        public async Task Names_the_command_of_a_program_that_does_not_exist()
        {
            // Given
            var command = new ProcessCommand("pane-no-such-program", ["--version"]);

            // When
            var error = await Assert.ThrowsAsync<ProcessFailedException>(() => _runner.RunAsync(command, TestContext.Current.CancellationToken));

            // Then
            Assert.StartsWith("Could not start 'pane-no-such-program --version': ", error.Message, StringComparison.Ordinal);
            Assert.Equal("Check that 'pane-no-such-program' is installed and that its path is right.", error.Remedy);
            Assert.Same(command, error.Command);
            Assert.Null(error.ExitCode);
        }

        [Fact]
        public async Task Kills_a_program_that_outlives_its_timeout()
        {
            // Given
            SkipWithoutShell();
            var pidFile = Path.Combine(_folder.FullName, "pid");
            var command = Shell($"echo $$ > '{pidFile}'; exec sleep 60") with { Timeout = TimeSpan.FromMilliseconds(300) };

            // When
            var error = await Assert.ThrowsAsync<ProcessFailedException>(() => _runner.RunAsync(command, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal($"'{command}' did not finish within 0.3 s and was stopped.", error.Message);
            Assert.False(IsRunning(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Fact]
        public async Task Kills_the_program_and_its_children_when_the_caller_cancels()
        {
            // Given
            SkipWithoutShell();
            var pidFile = Path.Combine(_folder.FullName, "pid");
            var command = Shell($"sleep 60 & echo $! > '{pidFile}'; wait");
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            var running = _runner.RunAsync(command, cancellation.Token);
            while (!File.Exists(pidFile) || File.ReadAllText(pidFile).Length == 0)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            // When
            await cancellation.CancelAsync();

            // Then
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
            Assert.False(IsRunning(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Fact]
        public async Task Does_not_start_anything_for_a_caller_that_already_cancelled()
        {
            // Given
            var marker = Path.Combine(_folder.FullName, "ran");
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();

            // When
            var running = _runner.RunAsync(Shell($"touch '{marker}'"), cancelled.Token);

            // Then
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
            Assert.False(File.Exists(marker));
        }
    }
}
