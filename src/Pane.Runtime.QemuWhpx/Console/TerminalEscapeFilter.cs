using System.Text;

namespace Pane.Runtime.QemuWhpx.Console;

/// <summary>
/// Removes terminal control sequences (ECMA-48 CSI, OSC, DCS and two-byte escapes) and carriage returns from
/// console text, keeping state between chunks so that a sequence split across two reads is still removed.
/// </summary>
/// <remarks>
/// systemd colours its status lines and highlights words inside the message (<c>Mounted \e[0;1;39m/home\e[0m.</c>),
/// so milestones are only recognisable once every sequence is gone.
/// </remarks>
internal sealed class TerminalEscapeFilter
{
    private const char Escape = '\u001b';
    private const char Bell = '\u0007';

    private State _state = State.Text;

    private enum State
    {
        Text,
        AfterEscape,
        ControlSequence,
        StringSequence,
        StringSequenceAfterEscape,
    }

    /// <summary>Filters one chunk of console text.</summary>
    /// <param name="chunk">The text as it arrived.</param>
    /// <returns>The printable text of the chunk.</returns>
    public string Filter(ReadOnlySpan<char> chunk)
    {
        var text = new StringBuilder(chunk.Length);
        foreach (var character in chunk)
        {
            _state = Next(_state, character, text);
        }

        return text.ToString();
    }

    private static State Next(State state, char character, StringBuilder text) => state switch
    {
        State.Text => OnText(character, text),
        State.AfterEscape => character switch
        {
            '[' => State.ControlSequence,
            ']' or 'P' or 'X' or '^' or '_' => State.StringSequence,
            _ => State.Text,
        },
        State.ControlSequence => character is >= '@' and <= '~' ? State.Text : State.ControlSequence,
        State.StringSequence => character switch
        {
            Bell => State.Text,
            Escape => State.StringSequenceAfterEscape,
            _ => State.StringSequence,
        },
        State.StringSequenceAfterEscape => character == '\\' ? State.Text : State.StringSequence,
        _ => State.Text,
    };

    private static State OnText(char character, StringBuilder text)
    {
        if (character == Escape)
        {
            return State.AfterEscape;
        }

        if (character != '\r' && character != Bell)
        {
            text.Append(character);
        }

        return State.Text;
    }
}
