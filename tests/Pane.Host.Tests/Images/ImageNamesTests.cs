using Pane.Host.Images;
using Pane.Images;

namespace Pane.Host.Tests.Images;

public sealed class ImageNamesTests
{
    public sealed class Derive
    {
        [Theory]
        [InlineData("arch", "arch")]
        [InlineData("debian", "debian")]
        [InlineData("https://host/images/latest/Arch-Linux-x86_64-basic.qcow2#sha256=0000000000000000000000000000000000000000000000000000000000000000", "Arch-Linux-x86_64-basic")]
        [InlineData("http://host/a/disk.img?token=1", "disk")]
        [InlineData("file:/var/tmp/my%20root.raw", "my-root")]
        [InlineData("file:/var/tmp/.hidden", "hidden")]
        public void Derives_a_valid_name_from_the_reference(string reference, string expected)
        {
            // Given
            var parsed = ImageReference.Parse(reference);

            // When
            var name = ImageNames.Derive(parsed);

            // Then
            Assert.Equal(expected, name);
            Assert.True(ImageNames.IsValid(name));
        }
    }

    public sealed class Require
    {
        [Theory]
        [InlineData("../etc")]
        [InlineData(".incoming")]
        [InlineData("a/b")]
        [InlineData("")]
        public void Refuses_a_name_that_is_not_a_plain_folder_name(string name)
        {
            // When
            var error = Assert.Throws<PaneException>(() => ImageNames.Require(name));

            // Then
            Assert.Equal($"'{name}' is not an image name.", error.Message);
        }
    }
}
