using Pane.Host.Platform;
using Pane.ImageSources.Debian.Build;
using Pane.Platform;

namespace Pane.ImageSources.Debian.Tests.Build;

public sealed class ShellWordsTests
{
    public sealed class Quote
    {
        [Theory]
        [InlineData("/home/ann/images")]
        [InlineData("/home/ann/My Images/it's here")]
        [InlineData("$HOME `id` \"*\" ; rm -rf /")]
        [InlineData("")]
        public async Task Makes_a_word_the_shell_reads_back_unchanged(string word)
        {
            // When
            var command = new ProcessCommand("sh", ["-c", "printf %s " + ShellWords.Quote(word)]);
            var result = await new ProcessRunner().RunAsync(command, TestContext.Current.CancellationToken);

            // Then
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(word, result.StandardOutputText);
        }
    }
}
