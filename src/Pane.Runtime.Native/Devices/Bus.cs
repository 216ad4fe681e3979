namespace Pane.Runtime.Native.Devices;

/// <summary>
/// An address space of devices (the MMIO space or the I/O port space): routes an access to the device whose range
/// holds it. Ranges never overlap.
/// </summary>
internal sealed class Bus
{
    private readonly List<(ulong Start, ulong Length, IBusDevice Device)> _ranges = [];

    /// <summary>Places a device at a range.</summary>
    /// <param name="start">The first address.</param>
    /// <param name="length">The number of addresses.</param>
    /// <param name="device">The device.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is zero or the range wraps.</exception>
    /// <exception cref="InvalidOperationException">The range overlaps a device already on the bus.</exception>
    public void Insert(ulong start, ulong length, IBusDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (length == 0 || start + length - 1 < start)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A device range is non-empty and does not wrap.");
        }

        foreach (var (otherStart, otherLength, _) in _ranges)
        {
            if (start <= otherStart + otherLength - 1 && otherStart <= start + length - 1)
            {
                throw new InvalidOperationException(
                    $"The range 0x{start:x}+0x{length:x} overlaps the device at 0x{otherStart:x}+0x{otherLength:x}; give it a free range.");
            }
        }

        _ranges.Add((start, length, device));
        _ranges.Sort((left, right) => left.Start.CompareTo(right.Start));
    }

    /// <summary>Routes a guest load.</summary>
    /// <param name="address">The address.</param>
    /// <param name="data">Where to put the value; left as zeros when no device holds the address.</param>
    /// <returns><see langword="true"/> when a device handled the access.</returns>
    public bool Read(ulong address, Span<byte> data)
    {
        if (Find(address, data.Length) is not { } hit)
        {
            data.Clear();
            return false;
        }

        hit.Device.Read(address - hit.Start, data);
        return true;
    }

    /// <summary>Routes a guest store.</summary>
    /// <param name="address">The address.</param>
    /// <param name="data">The value stored.</param>
    /// <returns><see langword="true"/> when a device handled the access.</returns>
    public bool Write(ulong address, ReadOnlySpan<byte> data)
    {
        if (Find(address, data.Length) is not { } hit)
        {
            return false;
        }

        hit.Device.Write(address - hit.Start, data);
        return true;
    }

    private (ulong Start, IBusDevice Device)? Find(ulong address, int size)
    {
        foreach (var (start, length, device) in _ranges)
        {
            if (address >= start && address - start < length)
            {
                return (ulong)size <= length - (address - start) ? (start, device) : null;
            }
        }

        return null;
    }
}
