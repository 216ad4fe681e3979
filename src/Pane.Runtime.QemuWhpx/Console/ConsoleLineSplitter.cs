using System.Text;

namespace Pane.Runtime.QemuWhpx.Console;

/// <summary>
/// Turns console bytes into lines: decodes UTF-8 across chunk boundaries, removes escape sequences and keeps the
/// unterminated end (a login prompt, say) in <see cref="Pending"/>.
/// </summary>
internal sealed class ConsoleLineSplitter
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private readonly TerminalEscapeFilter _filter = new();
    private readonly StringBuilder _pending = new();

    /// <summary>Gets the text after the last line break so far.</summary>
    public string Pending => _pending.ToString();

    /// <summary>Adds a chunk of console bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The lines the chunk completed, without their line breaks.</returns>
    public IReadOnlyList<string> Push(ReadOnlySpan<byte> bytes)
    {
        var characters = new char[_decoder.GetCharCount(bytes, flush: false)];
        var count = _decoder.GetChars(bytes, characters, flush: false);
        var text = _filter.Filter(characters.AsSpan(0, count));
        List<string>? lines = null;
        foreach (var character in text)
        {
            if (character == '\n')
            {
                (lines ??= []).Add(_pending.ToString());
                _pending.Clear();
            }
            else
            {
                _pending.Append(character);
            }
        }

        return lines ?? (IReadOnlyList<string>)[];
    }
}
