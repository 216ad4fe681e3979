using System.Runtime.CompilerServices;

namespace Pane.Runtime.Native.Boot.Compression;

/// <summary>
/// LZMA's match-length model: a choice between 8 short lengths (per position state), 8 middle ones (per position
/// state) and 256 long ones, giving 0 to 271 above the two-byte minimum.
/// </summary>
internal sealed class LzmaLengthDecoder
{
    private const int PositionStatesMax = 16;
    private const int LowBits = 3;
    private const int HighBits = 8;

    private readonly ushort[] _choices = new ushort[2];
    private readonly ushort[] _low = new ushort[PositionStatesMax << LowBits];
    private readonly ushort[] _middle = new ushort[PositionStatesMax << LowBits];
    private readonly ushort[] _high = new ushort[1 << HighBits];

    /// <summary>Sets every probability to one half.</summary>
    public void Reset()
    {
        _choices.AsSpan().Fill(RangeDecoder.InitialProbability);
        _low.AsSpan().Fill(RangeDecoder.InitialProbability);
        _middle.AsSpan().Fill(RangeDecoder.InitialProbability);
        _high.AsSpan().Fill(RangeDecoder.InitialProbability);
    }

    /// <summary>Decodes a length.</summary>
    /// <param name="decoder">The chunk's range decoder.</param>
    /// <param name="positionState">The low bits of the output position.</param>
    /// <returns>The length minus the two-byte minimum, 0 to 271.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Decode(ref RangeDecoder decoder, int positionState)
    {
        if (decoder.DecodeBit(ref _choices[0]) == 0)
        {
            return decoder.DecodeTree(_low.AsSpan(positionState << LowBits, 1 << LowBits), LowBits);
        }

        if (decoder.DecodeBit(ref _choices[1]) == 0)
        {
            return (1 << LowBits) + decoder.DecodeTree(_middle.AsSpan(positionState << LowBits, 1 << LowBits), LowBits);
        }

        return (2 << LowBits) + decoder.DecodeTree(_high, HighBits);
    }
}
