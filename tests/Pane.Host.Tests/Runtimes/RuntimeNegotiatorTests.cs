using Pane.Host.Runtimes;
using Pane.Runtimes;

namespace Pane.Host.Tests.Runtimes;

public sealed class RuntimeNegotiatorTests
{
    public sealed class NegotiateAsync
    {
        [Theory]
        [InlineData(null)]
        [InlineData("auto")]
        [InlineData("AUTO")]
        [InlineData("  ")]
        public async Task Auto_picks_the_available_runtime_with_the_highest_score(string? requested)
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Available("tcg", 20, "tcg", accelerated: false),
                TestRuntimes.Available("fast", 100),
                TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Use Windows.")));

            // When
            var selection = await negotiator.NegotiateAsync(requested, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal("auto", selection.Requested);
            Assert.Equal("fast", selection.Chosen?.Provider.Id);
            Assert.Equal(["fast", "tcg", "wsl"], selection.Candidates.Select(c => c.Provider.Id));
            Assert.Same(selection.Candidates[0], selection.Chosen);
        }

        [Fact]
        public async Task Says_why_each_candidate_was_or_was_not_chosen()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Available("qemu", 100),
                TestRuntimes.Available("native", 80),
                TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Use Windows.")));

            // When
            var selection = await negotiator.NegotiateAsync(null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(
                [
                    "chosen by auto: it has the highest score of the 2 available runtimes (score 100, kvm).",
                    "not chosen: score 80 is below qemu's 100.",
                    "not chosen: unavailable: WSL needs Windows.",
                ],
                selection.Candidates.Select(c => c.Verdict));
        }

        [Fact]
        public async Task Says_when_the_only_available_runtime_is_not_hardware_accelerated()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Available("qemu", 20, "tcg", accelerated: false),
                TestRuntimes.Unavailable("native", "No usable KVM.", "Enable KVM.")));

            // When
            var selection = await negotiator.NegotiateAsync(null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(
                "chosen by auto: it is the only available runtime (score 20, tcg, not hardware-accelerated).",
                selection.Chosen?.Verdict);
        }

        [Fact]
        public async Task Breaks_a_tie_of_scores_by_id_and_says_so()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Available("zeta", 50),
                TestRuntimes.Available("alpha", 50)));

            // When
            var selection = await negotiator.NegotiateAsync(null, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal("alpha", selection.Chosen?.Provider.Id);
            Assert.Equal("not chosen: score 50 ties with alpha's, which comes first by id.", selection.Candidates[1].Verdict);
        }

        [Fact]
        public async Task Picks_nothing_when_no_runtime_is_available()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Unavailable("native", "No usable KVM.", "Enable KVM."),
                TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Use Windows.")));

            // When
            var selection = await negotiator.NegotiateAsync("auto", TestContext.Current.CancellationToken);

            // Then
            Assert.Null(selection.Chosen);
            Assert.All(selection.Candidates, c => Assert.StartsWith("not chosen: unavailable: ", c.Verdict, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Turns_a_probe_that_throws_into_an_unavailable_runtime_with_its_message()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Throwing("broken", new InvalidOperationException("The device vanished.")),
                TestRuntimes.Available("qemu", 20, "tcg", accelerated: false)));

            // When
            var selection = await negotiator.NegotiateAsync(null, TestContext.Current.CancellationToken);

            // Then
            var broken = Assert.Single(selection.Candidates, c => c.Provider.Id == "broken");
            Assert.False(broken.Probe.IsAvailable);
            Assert.Equal("The probe of 'broken' failed: The device vanished.", broken.Probe.Reason);
            Assert.NotNull(broken.Probe.Remedy);
            Assert.Equal("qemu", selection.Chosen?.Provider.Id);
        }

        [Fact]
        public async Task Keeps_the_message_and_remedy_of_a_probe_that_throws_a_PaneException()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Throwing("broken", new PaneException("The tool is too old.", "Update the tool."))));

            // When
            var selection = await negotiator.NegotiateAsync(null, TestContext.Current.CancellationToken);

            // Then
            var probe = selection.Candidates[0].Probe;
            Assert.Equal("The tool is too old.", probe.Reason);
            Assert.Equal("Update the tool.", probe.Remedy);
        }

        [Fact]
        public async Task Treats_a_probe_whose_task_faults_as_unavailable()
        {
            // Given
            var provider = TestRuntimes.Available("faulty", 90);
            provider.ProbeAsync(Arg.Any<CancellationToken>())
                .Returns(Task.FromException<RuntimeProbeResult>(new IOException("Read failed.")));
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(provider));

            // When
            var selection = await negotiator.NegotiateAsync(null, TestContext.Current.CancellationToken);

            // Then
            Assert.Null(selection.Chosen);
            Assert.Equal("The probe of 'faulty' failed: Read failed.", selection.Candidates[0].Probe.Reason);
        }

        [Fact]
        public async Task Probes_every_provider_at_the_same_time()
        {
            // Given two probes that each finish only once both have started
            var started = new TaskCompletionSource[] { new(), new() };
            IRuntimeProvider Waiting(string id, int index)
            {
                var provider = TestRuntimes.Available(id, 10);
                provider.ProbeAsync(Arg.Any<CancellationToken>()).Returns(async _ =>
                {
                    started[index].SetResult();
                    await Task.WhenAll(started.Select(s => s.Task)).WaitAsync(TimeSpan.FromSeconds(30));
                    return RuntimeProbeResult.Available(10, "kvm", isAccelerated: true);
                });
                return provider;
            }

            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(Waiting("a", 0), Waiting("b", 1)));

            // When
            var selection = await negotiator.NegotiateAsync(null, TestContext.Current.CancellationToken);

            // Then
            Assert.All(selection.Candidates, c => Assert.True(c.Probe.IsAvailable, c.Probe.Reason));
        }

        [Fact]
        public async Task Picks_the_requested_runtime_even_when_another_scores_higher_and_probes_only_that_one()
        {
            // Given
            var qemu = TestRuntimes.Available("qemu", 100);
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(qemu, TestRuntimes.Available("native", 80)));

            // When
            var selection = await negotiator.NegotiateAsync("Native", TestContext.Current.CancellationToken);

            // Then
            Assert.Equal("native", selection.Requested);
            Assert.Equal("native", selection.Chosen?.Provider.Id);
            Assert.Equal("chosen: it was requested by id.", selection.Chosen?.Verdict);
            Assert.Same(selection.Chosen, Assert.Single(selection.Candidates));
            await qemu.DidNotReceive().ProbeAsync(Arg.Any<CancellationToken>());
        }

        [Fact]
        public async Task Refuses_an_unknown_id_and_lists_the_known_ones()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Available("qemu", 100),
                TestRuntimes.Unavailable("wsl", "WSL needs Windows.", "Use Windows.")));

            // When
            var error = await Assert.ThrowsAsync<PaneException>(
                () => negotiator.NegotiateAsync("vbox", TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("There is no runtime 'vbox'; the known runtimes are qemu, wsl.", error.Message);
            Assert.Contains("qemu, wsl", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Refuses_an_id_when_no_plugin_provides_any_runtime()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog());

            // When
            var error = await Assert.ThrowsAsync<PaneException>(
                () => negotiator.NegotiateAsync("qemu", TestContext.Current.CancellationToken));

            // Then
            Assert.Contains("no plugin provides any runtime", error.Message, StringComparison.Ordinal);
            Assert.Contains("pane plugins", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Refuses_a_requested_runtime_that_is_unavailable_with_its_reason_and_remedy()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(
                TestRuntimes.Available("qemu", 20, "tcg", accelerated: false),
                TestRuntimes.Unavailable("native", "This /dev/kvm cannot run an ordinary guest.", "Use a host with working KVM.")));

            // When
            var error = await Assert.ThrowsAsync<PaneException>(
                () => negotiator.NegotiateAsync("native", TestContext.Current.CancellationToken));

            // Then
            Assert.Equal(
                "The runtime 'native' was requested but is unavailable: This /dev/kvm cannot run an ordinary guest.",
                error.Message);
            Assert.Equal("Use a host with working KVM.", error.Remedy);
        }

        [Fact]
        public async Task Passes_cancellation_through()
        {
            // Given
            var negotiator = new RuntimeNegotiator(TestRuntimes.Catalog(TestRuntimes.Available("qemu", 100)));
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();

            // When / Then
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => negotiator.NegotiateAsync(null, cancelled.Token));
        }
    }
}
