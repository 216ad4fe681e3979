using Pane.Host.DiskImages;

namespace Pane.Host.Cli.Image.Ls;

/// <summary>Writes a file's type and permissions as <c>ls -l</c> does, such as <c>drwxr-xr-x</c> or <c>-rwsr-xr-t</c>.</summary>
internal static class FileModeText
{
    public static string Format(FileSystemEntryKind kind, UnixFileMode mode)
    {
        Span<char> text = stackalloc char[10];
        text[0] = kind switch
        {
            FileSystemEntryKind.Directory => 'd',
            FileSystemEntryKind.SymbolicLink => 'l',
            FileSystemEntryKind.CharacterDevice => 'c',
            FileSystemEntryKind.BlockDevice => 'b',
            FileSystemEntryKind.Fifo => 'p',
            FileSystemEntryKind.Socket => 's',
            _ => '-',
        };
        text[1] = Flag(mode, UnixFileMode.UserRead, 'r');
        text[2] = Flag(mode, UnixFileMode.UserWrite, 'w');
        text[3] = Execute(mode, UnixFileMode.UserExecute, UnixFileMode.SetUser, 's');
        text[4] = Flag(mode, UnixFileMode.GroupRead, 'r');
        text[5] = Flag(mode, UnixFileMode.GroupWrite, 'w');
        text[6] = Execute(mode, UnixFileMode.GroupExecute, UnixFileMode.SetGroup, 's');
        text[7] = Flag(mode, UnixFileMode.OtherRead, 'r');
        text[8] = Flag(mode, UnixFileMode.OtherWrite, 'w');
        text[9] = Execute(mode, UnixFileMode.OtherExecute, UnixFileMode.StickyBit, 't');
        return new string(text);
    }

    private static char Flag(UnixFileMode mode, UnixFileMode bit, char letter) => (mode & bit) != 0 ? letter : '-';

    private static char Execute(UnixFileMode mode, UnixFileMode execute, UnixFileMode special, char letter) =>
        ((mode & execute) != 0, (mode & special) != 0) switch
        {
            (true, true) => letter,
            (false, true) => char.ToUpperInvariant(letter),
            (true, false) => 'x',
            _ => '-',
        };
}
