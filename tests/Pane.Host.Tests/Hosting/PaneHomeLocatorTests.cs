using Pane.Host.Hosting;

namespace Pane.Host.Tests.Hosting;

public sealed class PaneHomeLocatorTests
{
    public sealed class Locate
    {
        private readonly IEnvironmentReader _environment = Substitute.For<IEnvironmentReader>();

        public Locate()
        {
            _environment.GetFolderPath(Arg.Any<Environment.SpecialFolder>()).Returns(string.Empty);
            _environment.GetFullPath(Arg.Any<string>()).Returns(call => "/cwd/" + call.Arg<string>().TrimStart('/'));
        }

        [Fact]
        public void Uses_the_requested_folder_before_PANE_HOME()
        {
            // Given
            _environment.GetEnvironmentVariable("PANE_HOME").Returns("/from/variable");

            // When
            var home = PaneHomeLocator.Locate("my-home", _environment);

            // Then
            Assert.Equal("/cwd/my-home", home);
        }

        [Fact]
        public void Uses_PANE_HOME_when_no_folder_is_requested()
        {
            // Given
            _environment.GetEnvironmentVariable("PANE_HOME").Returns("/srv/pane");
            _environment.GetEnvironmentVariable("XDG_DATA_HOME").Returns("/data");

            // When
            var home = PaneHomeLocator.Locate(null, _environment);

            // Then
            Assert.Equal("/cwd/srv/pane", home);
        }

        [Fact]
        public void Treats_an_empty_PANE_HOME_as_unset()
        {
            // Given
            _environment.GetEnvironmentVariable("PANE_HOME").Returns(" ");
            _environment.GetEnvironmentVariable("HOME").Returns("/home/ada");

            // When
            var home = PaneHomeLocator.Locate(null, _environment);

            // Then
            Assert.Equal("/home/ada/.local/share/pane", home);
        }

        [Fact]
        public void Uses_LOCALAPPDATA_on_Windows()
        {
            // Given
            _environment.IsWindows.Returns(true);
            _environment.GetEnvironmentVariable("LOCALAPPDATA").Returns(@"C:\Users\ada\AppData\Local\");
            _environment.GetEnvironmentVariable("XDG_DATA_HOME").Returns("/data");

            // When
            var home = PaneHomeLocator.Locate(null, _environment);

            // Then
            Assert.Equal(@"C:\Users\ada\AppData\Local\Pane", home);
        }

        [Fact]
        public void Asks_Windows_for_the_local_application_data_folder_when_LOCALAPPDATA_is_unset()
        {
            // Given
            _environment.IsWindows.Returns(true);
            _environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData).Returns(@"D:\Profiles\ada\Local");

            // When
            var home = PaneHomeLocator.Locate(null, _environment);

            // Then
            Assert.Equal(@"D:\Profiles\ada\Local\Pane", home);
        }

        [Fact]
        public void Uses_XDG_DATA_HOME_elsewhere()
        {
            // Given
            _environment.GetEnvironmentVariable("XDG_DATA_HOME").Returns("/data/ada");
            _environment.GetEnvironmentVariable("HOME").Returns("/home/ada");

            // When
            var home = PaneHomeLocator.Locate(null, _environment);

            // Then
            Assert.Equal("/data/ada/pane", home);
        }

        [Fact]
        public void Ignores_a_relative_XDG_DATA_HOME_as_the_specification_asks()
        {
            // Given
            _environment.GetEnvironmentVariable("XDG_DATA_HOME").Returns("data");
            _environment.GetEnvironmentVariable("HOME").Returns("/home/ada");

            // When
            var home = PaneHomeLocator.Locate(null, _environment);

            // Then
            Assert.Equal("/home/ada/.local/share/pane", home);
        }

        [Fact]
        public void Asks_the_system_for_the_profile_folder_when_HOME_is_unset()
        {
            // Given
            _environment.GetFolderPath(Environment.SpecialFolder.UserProfile).Returns("/var/lib/ada");

            // When
            var home = PaneHomeLocator.Locate(null, _environment);

            // Then
            Assert.Equal("/var/lib/ada/.local/share/pane", home);
        }

        [Fact]
        public void Throws_a_pane_exception_with_a_remedy_when_nothing_names_a_home()
        {
            // Given an environment without PANE_HOME, XDG_DATA_HOME, HOME or a profile folder

            // When
            var exception = Assert.Throws<PaneException>(() => PaneHomeLocator.Locate(null, _environment));

            // Then
            Assert.Equal("The Pane home folder cannot be found: neither PANE_HOME nor HOME is set.", exception.Message);
            Assert.Equal("Set PANE_HOME to a writable folder, or pass --home DIR.", exception.Remedy);
        }
    }
}
