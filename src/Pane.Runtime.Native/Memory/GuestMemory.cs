using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Pane.Runtime.Native.Memory;

/// <summary>
/// The guest's RAM: one page-aligned host allocation mapped at guest-physical address 0. Every access names a
/// guest-physical range and is checked against the size first, so no guest-controlled address or length can make
/// the VMM read or write host memory outside the allocation.
/// </summary>
internal sealed unsafe class GuestMemory : IDisposable
{
    /// <summary>The page size the allocation and hypervisors use.</summary>
    public const ulong PageSize = 4096;

    private byte* _base;

    /// <summary>Initializes a new instance of the <see cref="GuestMemory"/> class.</summary>
    /// <param name="size">The size in bytes: a non-zero multiple of <see cref="PageSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is zero or not a multiple of the page size.</exception>
    public GuestMemory(ulong size)
    {
        if (size == 0 || size % PageSize != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Guest memory is a non-zero multiple of 4096 bytes.");
        }

        Size = size;
        _base = HostPages.Allocate(size);
    }

    /// <summary>Gets the size in bytes.</summary>
    public ulong Size { get; }

    /// <summary>Gets the host address of guest-physical address 0, for mapping into a hypervisor.</summary>
    /// <exception cref="ObjectDisposedException">The memory was freed.</exception>
    public nint HostAddress
    {
        get
        {
            ObjectDisposedException.ThrowIf(_base is null, this);
            return (nint)_base;
        }
    }

    /// <summary>Tells whether a guest-physical range lies wholly inside guest memory.</summary>
    /// <param name="address">The first guest-physical address.</param>
    /// <param name="length">The number of bytes.</param>
    /// <returns><see langword="true"/> when every byte of the range is guest RAM.</returns>
    public bool Contains(ulong address, ulong length) => length <= Size && address <= Size - length;

    /// <summary>Gets a span over a guest-physical range.</summary>
    /// <param name="address">The first guest-physical address.</param>
    /// <param name="length">The number of bytes.</param>
    /// <returns>The span; valid until the memory is disposed.</returns>
    /// <exception cref="GuestMemoryFaultException">The range is not wholly inside guest memory.</exception>
    public Span<byte> Slice(ulong address, int length)
    {
        if (length < 0 || !Contains(address, (ulong)length))
        {
            throw new GuestMemoryFaultException(address, (ulong)(long)length, Size);
        }

        ObjectDisposedException.ThrowIf(_base is null, this);
        return new Span<byte>(_base + address, length);
    }

    /// <summary>Copies guest memory out.</summary>
    /// <param name="address">The first guest-physical address.</param>
    /// <param name="destination">Where to copy; its length is the number of bytes.</param>
    /// <exception cref="GuestMemoryFaultException">The range is not wholly inside guest memory.</exception>
    public void Read(ulong address, Span<byte> destination) => Slice(address, destination.Length).CopyTo(destination);

    /// <summary>Copies bytes into guest memory.</summary>
    /// <param name="address">The first guest-physical address.</param>
    /// <param name="source">The bytes.</param>
    /// <exception cref="GuestMemoryFaultException">The range is not wholly inside guest memory.</exception>
    public void Write(ulong address, ReadOnlySpan<byte> source) => source.CopyTo(Slice(address, source.Length));

    /// <summary>
    /// Fills guest memory from a file. Where the host can (Linux), whole pages are mapped from the file copy-on-write
    /// instead of copied, so the guest reads them straight from the host's page cache and its writes never reach the
    /// file; a partial last page, or a range that is not page-aligned in memory or in the file, is read.
    /// </summary>
    /// <param name="address">The first guest-physical address.</param>
    /// <param name="file">The file, open for reading; it must not be truncated or written in place while the memory lives.</param>
    /// <param name="offset">Where in the file the bytes start.</param>
    /// <param name="length">The number of bytes.</param>
    /// <exception cref="GuestMemoryFaultException">The range is not wholly inside guest memory.</exception>
    /// <exception cref="EndOfStreamException">The file ends before <paramref name="length"/> bytes.</exception>
    public void Load(ulong address, SafeFileHandle file, long offset, int length)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var destination = Slice(address, length);
        var wholePages = length & ~(int)(PageSize - 1);
        var mapped = wholePages > 0 && address % PageSize == 0 && (ulong)offset % PageSize == 0
            && offset + wholePages <= RandomAccess.GetLength(file)
            && HostPages.TryMapFile(_base + address, (nuint)wholePages, file, offset)
            ? wholePages
            : 0;
        destination = destination[mapped..];
        offset += mapped;
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(file, destination, offset);
            if (read == 0)
            {
                throw new EndOfStreamException($"The file ends {destination.Length} bytes before the {length} to load at guest address 0x{address:x}.");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    /// <summary>Reads a little-endian 16-bit value.</summary>
    /// <param name="address">The guest-physical address.</param>
    /// <returns>The value.</returns>
    /// <exception cref="GuestMemoryFaultException">The value is not wholly inside guest memory.</exception>
    public ushort ReadUInt16(ulong address) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(address, 2));

    /// <summary>Reads a little-endian 32-bit value.</summary>
    /// <param name="address">The guest-physical address.</param>
    /// <returns>The value.</returns>
    /// <exception cref="GuestMemoryFaultException">The value is not wholly inside guest memory.</exception>
    public uint ReadUInt32(ulong address) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(address, 4));

    /// <summary>Reads a little-endian 64-bit value.</summary>
    /// <param name="address">The guest-physical address.</param>
    /// <returns>The value.</returns>
    /// <exception cref="GuestMemoryFaultException">The value is not wholly inside guest memory.</exception>
    public ulong ReadUInt64(ulong address) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(address, 8));

    /// <summary>Writes a little-endian 16-bit value.</summary>
    /// <param name="address">The guest-physical address.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="GuestMemoryFaultException">The value is not wholly inside guest memory.</exception>
    public void WriteUInt16(ulong address, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Slice(address, 2), value);

    /// <summary>Writes a little-endian 32-bit value.</summary>
    /// <param name="address">The guest-physical address.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="GuestMemoryFaultException">The value is not wholly inside guest memory.</exception>
    public void WriteUInt32(ulong address, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Slice(address, 4), value);

    /// <summary>Writes a little-endian 64-bit value.</summary>
    /// <param name="address">The guest-physical address.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="GuestMemoryFaultException">The value is not wholly inside guest memory.</exception>
    public void WriteUInt64(ulong address, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Slice(address, 8), value);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_base is not null)
        {
            HostPages.Free(_base, Size);
            _base = null;
        }
    }
}
