using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Hypervisors.Whp;

/// <summary>Encodes Pane's backend-neutral register state as WHP register names and 16-byte values.</summary>
internal static class WhpRegisters
{
    /// <summary>Encodes the boot state of Linux's 64-bit entry.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The register names and values, in matching order.</returns>
    public static (uint[] Names, UInt128[] Values) BootState(VcpuBootState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var data = Segment(state.Data);
        (uint Name, UInt128 Value)[] registers =
        [
            (WhpConstants.Cs, Segment(state.Code)),
            (WhpConstants.Ds, data),
            (WhpConstants.Es, data),
            (WhpConstants.Fs, data),
            (WhpConstants.Gs, data),
            (WhpConstants.Ss, data),
            (WhpConstants.Tr, Segment(state.Task)),
            (WhpConstants.Gdtr, Table(state.GdtBase, state.GdtLimit)),
            (WhpConstants.Idtr, Table(state.IdtBase, state.IdtLimit)),
            (WhpConstants.Cr0, state.Cr0),
            (WhpConstants.Cr3, state.Cr3),
            (WhpConstants.Cr4, state.Cr4),
            (WhpConstants.Efer, state.Efer),
            (WhpConstants.Rip, state.Rip),
            (WhpConstants.Rsi, state.Rsi),
            (WhpConstants.Rsp, state.Rsp),
            (WhpConstants.Rbp, state.Rsp),
            (WhpConstants.Rflags, state.Rflags),
        ];
        return ([.. registers.Select(register => register.Name)], [.. registers.Select(register => register.Value)]);
    }

    /// <summary>Encodes a <c>WHV_X64_SEGMENT_REGISTER</c>: base, limit, selector, attributes.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The value.</returns>
    public static UInt128 Segment(SegmentState segment)
    {
        var attributes = (ulong)segment.Type
            | (segment.IsCodeOrData ? 1UL << 4 : 0)
            | (1UL << 7)
            | (segment.Is64Bit ? 1UL << 13 : 0)
            | (segment.IsDefault32Bit ? 1UL << 14 : 0)
            | (segment.IsPageGranular ? 1UL << 15 : 0);
        var high = segment.Limit | ((ulong)segment.Selector << 32) | (attributes << 48);
        return new UInt128(high, segment.Base);
    }

    /// <summary>Encodes a <c>WHV_X64_TABLE_REGISTER</c>: three padding words, the limit, the base.</summary>
    /// <param name="tableBase">The table's base.</param>
    /// <param name="limit">The table's limit.</param>
    /// <returns>The value.</returns>
    public static UInt128 Table(ulong tableBase, ushort limit) => new(tableBase, (ulong)limit << 48);
}
