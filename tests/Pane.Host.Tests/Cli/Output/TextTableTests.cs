using Pane.Host.Cli.Output;

namespace Pane.Host.Tests.Cli.Output;

public sealed class TextTableTests
{
    public sealed class Write
    {
        [Fact]
        public void Aligns_each_column_to_its_widest_cell_without_trailing_spaces()
        {
            // Given
            var table = new TextTable("A", "LONG HEADER", "C");
            table.AddRow("wide cell", "x", "");
            table.AddRow("y", "z", "last");
            using var writer = new StringWriter();

            // When
            table.Write(writer);

            // Then
            Assert.Equal(
                [
                    "A          LONG HEADER  C",
                    "wide cell  x",
                    "y          z            last",
                ],
                writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    public sealed class AddRow
    {
        [Fact]
        public void Refuses_a_row_with_the_wrong_number_of_cells()
        {
            // Given
            var table = new TextTable("A", "B");

            // When / Then
            var error = Assert.Throws<ArgumentException>(() => table.AddRow("only one"));
            Assert.Contains("needs 2 cells, not 1", error.Message, StringComparison.Ordinal);
        }
    }
}
