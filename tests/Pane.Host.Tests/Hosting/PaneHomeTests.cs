using Pane.Host.Hosting;

namespace Pane.Host.Tests.Hosting;

public sealed class PaneHomeTests
{
    public sealed class Constructor
    {
        [Fact]
        public void Places_every_folder_under_the_root()
        {
            // Given
            var root = Path.Join(Path.GetTempPath(), "pane-home");

            // When
            var home = new PaneHome(root);

            // Then
            Assert.Equal(
                [root, Path.Join(root, "plugins"), Path.Join(root, "images"), Path.Join(root, "vms"), Path.Join(root, "cache")],
                [home.Root, home.PluginsDirectory, home.ImagesDirectory, home.MachinesDirectory, home.CacheDirectory]);
        }
    }
}
