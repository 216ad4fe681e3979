namespace Pane.Runtime.Native.Boot;

/// <summary>A segment register's hidden state as a hypervisor takes it (backend-neutral).</summary>
/// <param name="Selector">The selector.</param>
/// <param name="Base">The base address.</param>
/// <param name="Limit">The limit in bytes, already scaled by granularity.</param>
/// <param name="Type">The 4-bit type field.</param>
/// <param name="IsCodeOrData">The S bit: a code or data segment rather than a system one.</param>
/// <param name="Is64Bit">The L bit.</param>
/// <param name="IsDefault32Bit">The D/B bit.</param>
/// <param name="IsPageGranular">The G bit.</param>
internal readonly record struct SegmentState(
    ushort Selector, ulong Base, uint Limit, byte Type, bool IsCodeOrData, bool Is64Bit, bool IsDefault32Bit, bool IsPageGranular)
{
    /// <summary>Gets the 8-byte GDT descriptor of the segment (a 64-bit system segment's low half).</summary>
    /// <returns>The descriptor.</returns>
    public ulong ToDescriptor()
    {
        var limit = IsPageGranular ? Limit >> 12 : Limit;
        var access = (ulong)Type | (IsCodeOrData ? 0x10UL : 0) | 0x80UL;
        var flags = (Is64Bit ? 0x2UL : 0) | (IsDefault32Bit ? 0x4UL : 0) | (IsPageGranular ? 0x8UL : 0);
        return (limit & 0xFFFF)
            | ((Base & 0xFF_FFFF) << 16)
            | (access << 40)
            | (((ulong)limit >> 16 & 0xF) << 48)
            | (flags << 52)
            | (((Base >> 24) & 0xFF) << 56);
    }
}
