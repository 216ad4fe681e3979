using Pane.Host.Cli.Plugins;

namespace Pane.Host.Tests.Cli.Plugins;

public sealed class PluginsViewTests
{
    public sealed class ShortVersion
    {
        [Theory]
        [InlineData("0.1.0+acf0dc56ca263f6545d2db8fe002374ea689a289", "0.1.0+acf0dc5")]
        [InlineData("0.1.0", "0.1.0")]
        [InlineData("1.0.0+build.7", "1.0.0+build.7")]
        [InlineData("2.0.0-beta+abc", "2.0.0-beta+abc")]
        [InlineData("3.0.0+", "3.0.0+")]
        public void Shortens_only_a_commit_id_after_the_plus(string version, string expected)
        {
            // When
            var shortened = PluginsView.ShortVersion(version);

            // Then
            Assert.Equal(expected, shortened);
        }
    }
}
