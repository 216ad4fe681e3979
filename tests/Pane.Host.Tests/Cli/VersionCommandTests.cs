using System.Reflection;
using Pane.Host.Cli;

namespace Pane.Host.Tests.Cli;

public sealed class VersionCommandTests
{
    public sealed class IsRequested
    {
        [Theory]
        [InlineData(true, "--version")]
        [InlineData(false)]
        [InlineData(false, "--version", "plugins")]
        [InlineData(false, "--home", "/tmp", "--version")]
        [InlineData(false, "-version")]
        public void Is_true_only_for_version_on_its_own(bool expected, params string[] args)
        {
            // When
            var requested = VersionCommand.IsRequested(args);

            // Then
            Assert.Equal(expected, requested);
        }
    }

    public sealed class Version
    {
        [Fact]
        public void Is_the_informational_version_of_the_host()
        {
            // When
            var version = VersionCommand.Version;

            // Then
            Assert.Equal(typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, version);
            Assert.StartsWith("0.1.0", version, StringComparison.Ordinal);
        }
    }
}
