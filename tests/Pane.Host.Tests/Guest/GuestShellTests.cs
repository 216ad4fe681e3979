using Pane.Host.Guest;
using Pane.Host.Tests.DiskImages;
using Pane.Runtimes;

namespace Pane.Host.Tests.Guest;

/// <summary>The guest shell driving a real shell on a real pseudo-terminal (see <see cref="PtyShellConsole"/>).</summary>
public sealed class GuestShellTests
{
    private static readonly TimeSpan s_ready = TimeSpan.FromSeconds(30);

    private static async Task<(PtyShellConsole Console, GuestShell Shell)> StartAsync(ScratchDirectory scratch, GuestTranscript transcript)
    {
        var console = PtyShellConsole.Start(scratch.Path);
        var shell = await GuestShell.OpenAsync(console, transcript, s_ready, TestContext.Current.CancellationToken);
        return (console, shell);
    }

    public sealed class RunAsync
    {
        [Fact]
        public async Task Returns_the_output_and_exit_status_of_a_multi_line_step()
        {
            // Given
            using var scratch = new ScratchDirectory();
            using var transcript = GuestTranscript.InMemory(SecretRedactor.None);
            var (console, shell) = await StartAsync(scratch, transcript);
            await using var consoleScope = console;
            await using var shellScope = shell;

            // When
            var result = await shell.RunAsync(new GuestStep { Title = "count", Script = "echo one\nprintf 'two\\n'\nprintf 'no newline'\nexit 3" }, null, TestContext.Current.CancellationToken);

            // Then
            Assert.True(shell.EchoOff);
            Assert.Equal(3, result.ExitCode);
            Assert.Equal(["one", "two", "no newline"], result.Output);
        }

        [Fact]
        public async Task Types_the_input_only_once_the_step_runs_and_keeps_it_out_of_the_output_and_the_transcript()
        {
            // Given
            using var scratch = new ScratchDirectory();
            const string Secret = "s3cret-Pass-word!";
            var transcriptPath = scratch.File("session.log");
            var redactor = new SecretRedactor([Secret]);
            List<string> streamed = [];
            GuestStepResult result;
            using (var transcript = GuestTranscript.Open(transcriptPath, redactor))
            {
                var (console, shell) = await StartAsync(scratch, transcript);
                await using var consoleScope = console;
                await using var shellScope = shell;

                // When
                result = await shell.RunAsync(
                    new GuestStep { Title = "read", Script = "IFS= read -r secret\necho \"length ${#secret}\"\necho \"got $secret\"", Input = [Secret] },
                    streamed.Add,
                    TestContext.Current.CancellationToken);
            }

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(["length 17", "got [redacted]"], result.Output);
            Assert.Equal(result.Output, streamed.Take(2));
            var recorded = await File.ReadAllTextAsync(transcriptPath, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(Secret, recorded, StringComparison.Ordinal);
            Assert.Contains("got [redacted]", recorded, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Puts_back_together_a_line_that_a_kernel_message_interrupted()
        {
            // Given
            using var scratch = new ScratchDirectory();
            using var transcript = GuestTranscript.InMemory(SecretRedactor.None);
            var (console, shell) = await StartAsync(scratch, transcript);
            await using var consoleScope = console;
            await using var shellScope = shell;

            // When
            var result = await shell.RunAsync(
                new GuestStep { Title = "interleaved", Script = "printf 'packages 3'\nprintf '[   12.345678] random: crng init done\\n'\necho '/9'" },
                null,
                TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(["packages 3/9"], result.Output);
        }

        [Fact]
        public async Task Fails_a_step_that_overruns_its_timeout_with_its_output_and_interrupts_it()
        {
            // Given
            using var scratch = new ScratchDirectory();
            using var transcript = GuestTranscript.InMemory(SecretRedactor.None);
            var (console, shell) = await StartAsync(scratch, transcript);
            await using var consoleScope = console;
            await using var shellScope = shell;

            // When
            var failure = await Assert.ThrowsAsync<GuestStepFailedException>(() => shell.RunAsync(
                new GuestStep { Title = "Install 2 packages", Script = "echo 'Get:1 xfce4'\nsleep 600", Timeout = TimeSpan.FromSeconds(2) },
                null,
                TestContext.Current.CancellationToken));
            var next = await shell.RunAsync(new GuestStep { Title = "after", Script = "echo still here" }, null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal("The guest step 'Install 2 packages' did not finish within 2 s.", failure.Message);
            Assert.Equal(["Get:1 xfce4"], failure.Evidence);
            Assert.Equal(["still here"], next.Output);
        }

        [Fact]
        public async Task Fails_when_the_console_closes_in_the_middle_of_a_step()
        {
            // Given
            using var scratch = new ScratchDirectory();
            using var transcript = GuestTranscript.InMemory(SecretRedactor.None);
            var (console, shell) = await StartAsync(scratch, transcript);
            await using var consoleScope = console;
            await using var shellScope = shell;

            // When
            var failure = await Assert.ThrowsAsync<GuestStepFailedException>(() => shell.RunAsync(
                new GuestStep { Title = "power cut", Script = "echo going\nsleep 1\nkill -KILL $PPID" },
                null,
                TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("The guest's serial console closed: the machine stopped.", failure.Message);
            Assert.Contains("going", failure.Evidence);
        }
    }

    public sealed class RunCheckedAsync
    {
        [Fact]
        public async Task Fails_a_step_with_a_non_zero_status_and_shows_what_it_printed()
        {
            // Given
            using var scratch = new ScratchDirectory();
            using var transcript = GuestTranscript.InMemory(SecretRedactor.None);
            var (console, shell) = await StartAsync(scratch, transcript);
            await using var consoleScope = console;
            await using var shellScope = shell;

            // When
            var failure = await Assert.ThrowsAsync<GuestStepFailedException>(() => shell.RunCheckedAsync(
                new GuestStep { Title = "Install 1 packages", Script = "echo 'E: Unable to locate package nope' >&2\nexit 100" },
                null,
                TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("The guest step 'Install 1 packages' failed with exit status 100.", failure.Message);
            Assert.Equal(["E: Unable to locate package nope"], failure.Evidence);
        }
    }

    public sealed class OpenAsync
    {
        [Fact]
        public async Task Fails_with_what_the_console_showed_when_no_shell_answers()
        {
            // Given
            var console = Substitute.For<ISerialConsole>();
            console.ReadLinesAsync(Arg.Any<CancellationToken>()).Returns(call => Silence(["pane-fixture login: "], call.Arg<CancellationToken>()));
            using var transcript = GuestTranscript.InMemory(SecretRedactor.None);

            // When
            var failure = await Assert.ThrowsAsync<GuestStepFailedException>(() => GuestShell.OpenAsync(console, transcript, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("No shell answered on the guest's serial console within 1 s.", failure.Message);
            Assert.Equal(["pane-fixture login: "], failure.Evidence);
            await console.Received().WriteLineAsync(Arg.Is<string>(line => line.Contains("PANE-READY", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
        }

        private static async IAsyncEnumerable<string> Silence(string[] lines, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var line in lines)
            {
                yield return line;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
