using System.Text;

namespace Pane.Runtime.Native.Console;

/// <summary>
/// Turns serial console bytes into lines: decodes UTF-8 across chunks, drops terminal escape sequences (CSI, OSC and
/// other ESC sequences) and carriage returns, and keeps the unterminated end (a prompt) in <see cref="Pending"/>.
/// </summary>
internal sealed class ConsoleText
{
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly StringBuilder _pending = new();
    private EscapeState _escape;

    private enum EscapeState
    {
        None,
        Escape,
        ControlSequence,
        OperatingSystemCommand,
        OperatingSystemCommandEscape,
    }

    /// <summary>Gets the text after the last line break so far.</summary>
    public string Pending => _pending.ToString();

    /// <summary>Adds bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The lines they completed.</returns>
    public IReadOnlyList<string> Push(ReadOnlySpan<byte> bytes)
    {
        var characters = new char[_decoder.GetCharCount(bytes, flush: false)];
        var count = _decoder.GetChars(bytes, characters, flush: false);
        List<string>? lines = null;
        foreach (var character in characters.AsSpan(0, count))
        {
            if (!Visible(character))
            {
                continue;
            }

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

    private bool Visible(char character)
    {
        switch (_escape)
        {
            case EscapeState.Escape:
                _escape = character switch
                {
                    '[' => EscapeState.ControlSequence,
                    ']' => EscapeState.OperatingSystemCommand,
                    _ => EscapeState.None,
                };
                return false;
            case EscapeState.ControlSequence:
                if (character is >= '@' and <= '~')
                {
                    _escape = EscapeState.None;
                }

                return false;
            case EscapeState.OperatingSystemCommand:
                _escape = character switch
                {
                    '\a' => EscapeState.None,
                    '\x1b' => EscapeState.OperatingSystemCommandEscape,
                    _ => EscapeState.OperatingSystemCommand,
                };
                return false;
            case EscapeState.OperatingSystemCommandEscape:
                _escape = character == '\\' ? EscapeState.None : EscapeState.OperatingSystemCommand;
                return false;
            default:
                if (character == '\x1b')
                {
                    _escape = EscapeState.Escape;
                    return false;
                }

                return character != '\r';
        }
    }
}
