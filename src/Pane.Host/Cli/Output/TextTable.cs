namespace Pane.Host.Cli.Output;

/// <summary>A plain table of text: a header row and rows, each column as wide as its widest cell.</summary>
internal sealed class TextTable
{
    private const string Gap = "  ";

    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers;
    }

    /// <summary>Gets or sets a value indicating whether the header row is written. Defaults to <see langword="true"/>.</summary>
    public bool ShowHeader { get; set; } = true;

    /// <summary>Gets or sets the text written before each line. Defaults to none.</summary>
    public string Indent { get; set; } = string.Empty;

    /// <summary>Adds a row; it has one cell per header.</summary>
    /// <param name="cells">The cells.</param>
    /// <exception cref="ArgumentException">The row does not have one cell per header.</exception>
    public void AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row needs {_headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table, without trailing spaces.</summary>
    /// <param name="writer">Where to write.</param>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var lines = ShowHeader ? _rows.Prepend(_headers).ToList() : _rows;
        var widths = new int[_headers.Length];
        foreach (var row in lines)
        {
            for (var column = 0; column < row.Length; column++)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

        foreach (var row in lines)
        {
            var line = string.Join(Gap, row.Select((cell, column) => cell.PadRight(widths[column])));
            writer.WriteLine(Indent + line.TrimEnd());
        }
    }
}
