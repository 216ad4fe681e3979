using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Cli;
using Pane.Host.Hosting;
using Pane.Host.Plugins;
using Pane.Host.Runtimes;
using Pane.Host.Tests.Runtimes;

namespace Pane.Host.Tests.Cli;

public sealed class PaneCommandLineTests
{
    public sealed class RunAsync
    {
        [Fact]
        public async Task Version_prints_the_informational_version_without_building_the_services()
        {
            // Given
            var servicesBuilt = false;

            // When
            var result = await CliRunner.RunAsync(_ => servicesBuilt = true, "--version");

            // Then
            var expected = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(expected, result.Output.Trim());
            Assert.False(servicesBuilt);
        }

        [Fact]
        public async Task Version_after_the_home_option_goes_through_the_parser_and_prints_the_same_version()
        {
            // When
            var result = await CliRunner.RunAsync(null, "--home", "/tmp/pane-home-v", "--version");

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(VersionCommand.Version, result.Output.Trim());
        }

        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        [InlineData("-?")]
        public async Task Help_lists_every_command_and_exits_0(string option)
        {
            // When
            var result = await CliRunner.RunAsync(null, option);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("--home <DIR>", result.Output, StringComparison.Ordinal);
            foreach (var command in new[] { "plugins", "runtimes", "recipes", "doctor" })
            {
                Assert.Contains($"  {command} ", result.Output, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'.")]
        [InlineData(new[] { "runtimes", "--bogus" }, "Unrecognized command or argument '--bogus'.")]
        [InlineData(new[] { "plugins", "--home" }, "Required argument missing for option: '--home'.")]
        [InlineData(new[] { "plugins", "--home", " " }, "--home needs a folder path.")]
        [InlineData(new[] { "plugins", "--version" }, "Unrecognized command or argument '--version'.")]
        [InlineData(new[] { "--version", "plugins" }, "--version cannot be combined with a command.")]
        public async Task A_usage_error_names_the_problem_on_stderr_and_exits_2(string[] args, string message)
        {
            // When
            var result = await CliRunner.RunAsync(null, args);

            // Then
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"error: {message}", result.Error, StringComparison.Ordinal);
            Assert.Contains("pane --help", result.Error, StringComparison.Ordinal);
            Assert.Empty(result.Output);
        }

        [Fact]
        public async Task No_command_is_a_usage_error()
        {
            // When
            var result = await CliRunner.RunAsync(null);

            // Then
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("error: No command given.", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_PaneException_prints_its_message_and_remedy_without_a_stack_trace_and_exits_1()
        {
            // Given
            var negotiator = Substitute.For<IRuntimeNegotiator>();
            negotiator.NegotiateAsync(Arg.Any<string?>(), Arg.Any<CancellationToken>())
                .Returns<Task<RuntimeSelection>>(_ => throw new PaneException("The runtime 'x' is broken.", "Fix the runtime 'x'."));

            // When
            var result = await CliRunner.RunAsync(
                services => services.AddSingleton(negotiator).AddSingleton(TestRuntimes.Catalog()),
                "runtimes");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Equal(
                ["error: The runtime 'x' is broken.", "remedy: Fix the runtime 'x'."],
                result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Empty(result.Output);
        }

        [Fact]
        public async Task An_unexpected_failure_is_reported_as_a_bug_and_exits_1()
        {
            // Given
            var catalog = Substitute.For<IPluginCatalog>();
            catalog.Plugins.Returns(_ => throw new InvalidOperationException("Boom."));

            // When
            var result = await CliRunner.RunAsync(services => services.AddSingleton(catalog), "plugins");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("error: Pane failed unexpectedly: System.InvalidOperationException: Boom.", result.Error, StringComparison.Ordinal);
            Assert.Contains("remedy: This is a bug", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_cancelled_command_says_so_and_exits_1()
        {
            // Given
            var negotiator = Substitute.For<IRuntimeNegotiator>();
            negotiator.NegotiateAsync(Arg.Any<string?>(), Arg.Any<CancellationToken>())
                .Returns<Task<RuntimeSelection>>(_ => throw new OperationCanceledException());

            // When
            var result = await CliRunner.RunAsync(
                services => services.AddSingleton(negotiator).AddSingleton(TestRuntimes.Catalog()),
                "runtimes");

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("error: Cancelled.", result.Error.Trim());
        }

        [Theory]
        [InlineData("--home", "/tmp/pane-home-a", "plugins")]
        [InlineData("plugins", "--home", "/tmp/pane-home-a")]
        public async Task Home_sets_the_engines_home_folder_before_or_after_the_command(params string[] args)
        {
            // Given
            string? home = null;
            void Overrides(IServiceCollection services) => services.AddSingleton(provider =>
            {
                home = provider.GetRequiredService<PaneOptions>().Home;
                return TestRuntimes.Catalog();
            });

            // When
            var result = await CliRunner.RunAsync(Overrides, args);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("/tmp/pane-home-a", home);
        }
    }

    public sealed class CreateRoot
    {
        private static readonly CliHost s_host = new(new CliConsole(TextWriter.Null, TextWriter.Null), GlobalOptions.CreateHome(), overrides: null);

        [Fact]
        public void Each_command_in_the_table_builds_a_command_of_its_own_name()
        {
            // When
            var built = PaneCommandLine.Commands.Select(command => (command.Name, Built: command.Create(s_host).Name)).ToList();

            // Then
            Assert.All(built, pair => Assert.Equal(pair.Name, pair.Built));
            Assert.Equal(built.Count, built.Select(pair => pair.Name).Distinct(StringComparer.Ordinal).Count());
        }

        [Theory]
        [InlineData("runtimes", new[] { "runtimes", "--json" })]
        [InlineData("plugins", new[] { "--home", "runtimes", "plugins" })]
        [InlineData("image", new[] { "--home=/tmp/x", "image", "list" })]
        [InlineData("launch", new[] { "launch", "--help" })]
        public void A_named_command_is_the_only_one_in_the_tree(string expected, string[] args)
        {
            // When
            var root = PaneCommandLine.CreateRoot(s_host, args);

            // Then
            Assert.Equal([expected], root.Subcommands.Select(command => command.Name));
            Assert.Contains(s_host.Home, root.Options);
        }

        [Theory]
        [InlineData]
        [InlineData("--help")]
        [InlineData("frobnicate", "runtimes")]
        [InlineData("--home", "/tmp/x")]
        public void Without_a_named_command_the_tree_has_every_command(params string[] args)
        {
            // When
            var root = PaneCommandLine.CreateRoot(s_host, args);

            // Then
            Assert.Equal(PaneCommandLine.Commands.Select(command => command.Name), root.Subcommands.Select(command => command.Name));
        }
    }
}
