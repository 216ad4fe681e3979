using System.Globalization;
using System.Text;

namespace Pane.Runtime.Native.Initramfs;

/// <summary>
/// Writes a cpio archive in the "newc" format the kernel unpacks into its initramfs
/// (<c>Documentation/driver-api/early-userspace/buffer-format.rst</c>): for each entry a 110-byte ASCII header of
/// thirteen 8-digit hex fields, the name with its zero, padding to 4 bytes, the data, padding to 4 bytes; then the
/// <c>TRAILER!!!</c> entry. Parent directories are written before the entries inside them, once each.
/// </summary>
internal sealed class CpioNewcWriter
{
    /// <summary>The magic of a newc header.</summary>
    public const string Magic = "070701";

    /// <summary>The name of the trailing entry.</summary>
    public const string Trailer = "TRAILER!!!";

    private const int DirectoryType = 0x4000;
    private const int FileType = 0x8000;
    private const int SymbolicLinkType = 0xA000;

    private readonly Stream _output;
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);
    private int _inode = 1;
    private bool _finished;

    /// <summary>Initializes a new instance of the <see cref="CpioNewcWriter"/> class.</summary>
    /// <param name="output">Where the archive goes; the writer does not dispose it.</param>
    public CpioNewcWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Adds a directory, and its parents.</summary>
    /// <param name="path">The path inside the archive, without a leading slash.</param>
    /// <param name="mode">The permission bits.</param>
    public void AddDirectory(string path, int mode = 0x1ED)
    {
        var normalized = Normalize(path);
        AddParents(normalized);
        if (_directories.Add(normalized))
        {
            WriteEntry(normalized, DirectoryType | (mode & 0xFFF), ReadOnlySpan<byte>.Empty, links: 2);
        }
    }

    /// <summary>Adds a regular file, and its parent directories.</summary>
    /// <param name="path">The path inside the archive, without a leading slash.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="mode">The permission bits.</param>
    public void AddFile(string path, ReadOnlySpan<byte> content, int mode = 0x1A4)
    {
        var normalized = Normalize(path);
        AddParents(normalized);
        WriteEntry(normalized, FileType | (mode & 0xFFF), content, links: 1);
    }

    /// <summary>Adds a symbolic link, and its parent directories.</summary>
    /// <param name="path">The path inside the archive, without a leading slash.</param>
    /// <param name="target">What the link points at.</param>
    public void AddSymbolicLink(string path, string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var normalized = Normalize(path);
        AddParents(normalized);
        WriteEntry(normalized, SymbolicLinkType | 0x1FF, Encoding.UTF8.GetBytes(target), links: 1);
    }

    /// <summary>Writes the trailer; nothing can be added after it.</summary>
    public void Finish()
    {
        if (!_finished)
        {
            WriteEntry(Trailer, 0, ReadOnlySpan<byte>.Empty, links: 1, inode: 0);
            _finished = true;
        }
    }

    private static string Normalize(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var trimmed = path.Trim('/');
        if (trimmed.Length == 0 || trimmed.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a plain relative path.", nameof(path));
        }

        return trimmed;
    }

    private void AddParents(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash > 0)
        {
            AddDirectory(path[..slash]);
        }
    }

    private void WriteEntry(string name, int mode, ReadOnlySpan<byte> content, int links, int? inode = null)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The archive is finished; create a new writer to add entries.");
        }

        var nameBytes = Encoding.UTF8.GetBytes(name);
        var header = new StringBuilder(110).Append(Magic);
        foreach (var field in new long[] { inode ?? _inode++, mode, 0, 0, links, 0, content.Length, 0, 0, 0, 0, nameBytes.Length + 1, 0 })
        {
            header.Append(field.ToString("x8", CultureInfo.InvariantCulture));
        }

        _output.Write(Encoding.ASCII.GetBytes(header.ToString()));
        _output.Write(nameBytes);
        _output.WriteByte(0);
        Pad(110 + nameBytes.Length + 1);
        _output.Write(content);
        Pad(content.Length);
    }

    private void Pad(int length)
    {
        for (var index = length; index % 4 != 0; index++)
        {
            _output.WriteByte(0);
        }
    }
}
