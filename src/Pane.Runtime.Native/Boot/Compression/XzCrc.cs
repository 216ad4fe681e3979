using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Pane.Runtime.Native.Boot.Compression;

/// <summary>
/// The two CRCs of the XZ format: CRC-32 (IEEE 802.3), eight bytes at a time because it covers every decoded byte of a
/// kernel, and CRC-64 (ECMA-182), both in reflected form.
/// </summary>
internal static class XzCrc
{
    private static readonly uint[][] s_crc32 = Tables32(0xEDB8_8320u);
    private static readonly ulong[] s_crc64 = Table64(0xC96C_5795_D787_0F42ul);

    /// <summary>Computes the CRC-32 of XZ's headers and its CRC32 check.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The CRC.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var (t0, t1, t2, t3, t4, t5, t6, t7) = (s_crc32[0], s_crc32[1], s_crc32[2], s_crc32[3], s_crc32[4], s_crc32[5], s_crc32[6], s_crc32[7]);
        var crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t7[(byte)low] ^ t6[(byte)(low >> 8)] ^ t5[(byte)(low >> 16)] ^ t4[low >> 24]
                ^ t3[(byte)high] ^ t2[(byte)(high >> 8)] ^ t1[(byte)(high >> 16)] ^ t0[high >> 24];
            data = data[8..];
        }

        foreach (var value in data)
        {
            crc = t0[(byte)(crc ^ value)] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>Computes the CRC-64 of XZ's CRC64 check.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The CRC.</returns>
    public static ulong Crc64(ReadOnlySpan<byte> data)
    {
        var crc = ulong.MaxValue;
        foreach (var value in data)
        {
            crc = s_crc64[(byte)(crc ^ value)] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The eight tables of slicing-by-8: the first is the byte-at-a-time table, each next one a byte further on.</summary>
    private static uint[][] Tables32(uint polynomial)
    {
        var tables = new uint[8][];
        tables[0] = new uint[256];
        for (var index = 0u; index < 256; index++)
        {
            var value = index;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? polynomial ^ (value >> 1) : value >> 1;
            }

            tables[0][index] = value;
        }

        for (var slice = 1; slice < 8; slice++)
        {
            tables[slice] = new uint[256];
            for (var index = 0; index < 256; index++)
            {
                var previous = tables[slice - 1][index];
                tables[slice][index] = (previous >> 8) ^ tables[0][(byte)previous];
            }
        }

        return tables;
    }

    private static ulong[] Table64(ulong polynomial)
    {
        var table = new ulong[256];
        for (var index = 0ul; index < 256; index++)
        {
            var value = index;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? polynomial ^ (value >> 1) : value >> 1;
            }

            table[index] = value;
        }

        return table;
    }
}
