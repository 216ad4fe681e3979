using Pane.ImageSources.Debian.Build;

namespace Pane.ImageSources.Debian.Tests.Build;

public sealed class SubordinateIdRangeTests
{
    public sealed class Find
    {
        [Fact]
        public void Finds_the_first_range_of_65536_ids_of_the_user_by_name_or_id()
        {
            // Given
            const string text = "ann:100000:65536\nbob:165536:1000\nbob:300000:65536\n1002:400000:70000\nbroken line\n";

            // Then
            Assert.Equal(new SubordinateIdRange(100000, 65536), SubordinateIdRange.Find(text, "ann", 1000));
            Assert.Equal(new SubordinateIdRange(300000, 65536), SubordinateIdRange.Find(text, "bob", 1001));
            Assert.Equal(new SubordinateIdRange(400000, 70000), SubordinateIdRange.Find(text, "carol", 1002));
        }

        [Fact]
        public void Finds_nothing_for_a_user_without_a_large_enough_range_or_without_a_file()
        {
            // Then
            Assert.Null(SubordinateIdRange.Find("bob:165536:1000\n", "bob", 1001));
            Assert.Null(SubordinateIdRange.Find("ann:100000:65536\n", "bob", 1001));
            Assert.Null(SubordinateIdRange.Find(null, "bob", 1001));
        }
    }
}
