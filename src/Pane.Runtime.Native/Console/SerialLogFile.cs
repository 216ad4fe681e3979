namespace Pane.Runtime.Native.Console;

/// <summary>
/// The machine's <c>serial.log</c> in its state folder, as the QEMU runtime keeps one: everything the guest wrote on
/// its console, appended across boots. The folder and the file are readable by the current user only, since a console
/// can show secrets.
/// </summary>
internal static class SerialLogFile
{
    /// <summary>The log's name inside the machine's state folder.</summary>
    public const string FileName = "serial.log";

    /// <summary>Creates the state folder if missing and opens its serial log for appending.</summary>
    /// <param name="stateDirectory">The machine's state folder.</param>
    /// <returns>The log, positioned at its end.</returns>
    /// <exception cref="IOException">The folder or the file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file belongs to someone else.</exception>
    public static FileStream Open(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(stateDirectory);
            return new FileStream(path, options);
        }

        const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Directory.CreateDirectory(stateDirectory, OwnerOnlyFolder);
        File.SetUnixFileMode(stateDirectory, OwnerOnlyFolder);
        options.UnixCreateMode = OwnerOnlyFile;
        var log = new FileStream(path, options);
        File.SetUnixFileMode(log.SafeFileHandle, OwnerOnlyFile);
        return log;
    }
}
