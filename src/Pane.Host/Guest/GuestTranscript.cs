using System.Globalization;
using System.Text;

namespace Pane.Host.Guest;

/// <summary>
/// The record of a guest shell session in the machine's folder: what Pane typed (<c>&gt;</c>), what the guest
/// printed (<c>&lt;</c>), kernel messages (<c>k</c>) and Pane's notes (<c>#</c>), each line timestamped, every secret
/// redacted, flushed line by line so a long install can be watched with <c>tail -f</c>.
/// </summary>
internal sealed class GuestTranscript : IDisposable
{
    private readonly StreamWriter? _writer;
    private readonly SecretRedactor _redactor;
    private readonly Lock _lock = new();

    private GuestTranscript(StreamWriter? writer, string? path, SecretRedactor redactor)
    {
        _writer = writer;
        Path = path;
        _redactor = redactor;
    }

    /// <summary>Gets the transcript's file, or <see langword="null"/> when it writes none.</summary>
    public string? Path { get; }

    /// <summary>Gets the redactor every line passes through.</summary>
    public SecretRedactor Redactor => _redactor;

    /// <summary>Gets a transcript that writes nothing but still redacts.</summary>
    /// <param name="redactor">The secrets to redact.</param>
    /// <returns>The transcript.</returns>
    public static GuestTranscript InMemory(SecretRedactor redactor) => new(null, null, redactor);

    /// <summary>Opens a transcript file for appending, readable by the user only.</summary>
    /// <param name="path">The file.</param>
    /// <param name="redactor">The secrets to redact.</param>
    /// <returns>The transcript.</returns>
    public static GuestTranscript Open(string path, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(path);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var writer = new StreamWriter(new FileStream(path, options), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        return new GuestTranscript(writer, path, redactor);
    }

    /// <summary>Records text Pane typed on the console.</summary>
    /// <param name="text">The text; each of its lines is recorded.</param>
    public void Sent(string text) => Write('>', text);

    /// <summary>Records a line the guest printed.</summary>
    /// <param name="line">The line.</param>
    public void Received(string line) => Write('<', line);

    /// <summary>Records a kernel message.</summary>
    /// <param name="message">The message.</param>
    public void Kernel(string message) => Write('k', message);

    /// <summary>Records a note of Pane's.</summary>
    /// <param name="note">The note.</param>
    public void Note(string note) => Write('#', note);

    /// <inheritdoc/>
    public void Dispose() => _writer?.Dispose();

    private void Write(char direction, string text)
    {
        if (_writer is null)
        {
            return;
        }

        var stamp = DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            foreach (var line in _redactor.Redact(text).Split('\n'))
            {
                _writer.WriteLine($"{stamp} {direction} {line.TrimEnd('\r')}");
            }
        }
    }
}
