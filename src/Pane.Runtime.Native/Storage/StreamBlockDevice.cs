namespace Pane.Runtime.Native.Storage;

/// <summary>
/// A read-only disk over a seekable stream: a raw image file opened for reading, or the stream of a disk-image reader
/// that presents an image's virtual disk. Reads are serialised, since a stream has one position.
/// </summary>
internal sealed class StreamBlockDevice : IBlockDevice
{
    private readonly object _lock = new();
    private readonly Stream _stream;

    /// <summary>Initializes a new instance of the <see cref="StreamBlockDevice"/> class.</summary>
    /// <param name="stream">A readable, seekable stream; the device owns it.</param>
    /// <exception cref="ArgumentException">The stream cannot read or seek.</exception>
    public StreamBlockDevice(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("A block device needs a readable, seekable stream.", nameof(stream));
        }

        _stream = stream;
        Length = stream.Length;
    }

    /// <inheritdoc/>
    public long Length { get; }

    /// <inheritdoc/>
    public bool IsReadOnly => true;

    /// <summary>Opens a raw image file for reading only.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The device.</returns>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static StreamBlockDevice OpenReadOnly(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess));

    /// <inheritdoc/>
    public void Read(long offset, Span<byte> destination)
    {
        lock (_lock)
        {
            _stream.Position = offset;
            _stream.ReadExactly(destination);
        }
    }

    /// <inheritdoc/>
    public void Write(long offset, ReadOnlySpan<byte> source) =>
        throw new IOException("This disk is read-only.");

    /// <inheritdoc/>
    public void Flush()
    {
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();
}
