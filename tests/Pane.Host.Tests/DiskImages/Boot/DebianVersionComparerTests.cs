using Pane.Host.DiskImages.Boot;

namespace Pane.Host.Tests.DiskImages.Boot;

public sealed class DebianVersionComparerTests
{
    public sealed class Compare
    {
        [Theory]
        [InlineData("6.1.0-13-amd64", "6.1.0-9-amd64")]
        [InlineData("6.5.6-300.fc39.x86_64", "6.4.15-200.fc38.x86_64")]
        [InlineData("1.0", "1.0~rc1")]
        [InlineData("1:0.9", "2.0")]
        [InlineData("1.0a", "1.0")]
        [InlineData("1.0+b1", "1.0a")]
        [InlineData("1.10", "1.9")]
        [InlineData("6.8.0-35-generic", "6.8.0-31-generic")]
        public void Orders_the_first_version_after_the_second_as_dpkg_does(string newer, string older)
        {
            // When
            var forward = DebianVersionComparer.Instance.Compare(newer, older);
            var backward = DebianVersionComparer.Instance.Compare(older, newer);

            // Then
            Assert.True(forward > 0, $"{newer} should sort after {older}");
            Assert.True(backward < 0, $"{older} should sort before {newer}");
        }

        [Theory]
        [InlineData("1.0", "1.0")]
        [InlineData("1.01", "1.1")]
        [InlineData("0:1.0", "1.0")]
        public void Orders_equal_versions_as_equal(string left, string right)
        {
            // When
            var result = DebianVersionComparer.Instance.Compare(left, right);

            // Then
            Assert.Equal(0, result);
        }
    }
}
