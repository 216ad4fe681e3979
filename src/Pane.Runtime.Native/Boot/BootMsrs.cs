namespace Pane.Runtime.Native.Boot;

/// <summary>
/// The model-specific registers a vCPU starts Linux with, as a firmware leaves them: the system-call MSRs and the TSC
/// cleared, fast strings enabled in <c>IA32_MISC_ENABLE</c>, and the MTRRs enabled with write-back as the default
/// memory type (with MTRRs off Linux also turns PAT off and maps memory it asks to combine writes as uncached).
/// </summary>
internal static class BootMsrs
{
#pragma warning disable CS1591 // MSR numbers, named after the SDM and Linux's msr-index.h.
    public const uint SysenterCs = 0x174;
    public const uint SysenterEsp = 0x175;
    public const uint SysenterEip = 0x176;
    public const uint Star = 0xC000_0081;
    public const uint LongStar = 0xC000_0082;
    public const uint CompatibilityStar = 0xC000_0083;
    public const uint SyscallMask = 0xC000_0084;
    public const uint KernelGsBase = 0xC000_0102;
    public const uint TimeStampCounter = 0x10;
    public const uint MiscEnable = 0x1A0;
    public const uint MtrrDefaultType = 0x2FF;
    public const ulong MiscEnableFastStrings = 1;
    public const ulong MtrrEnable = 1UL << 11;
    public const ulong MemoryTypeWriteBack = 6;
#pragma warning restore CS1591

    /// <summary>Gets the MSRs and their values, in the order they are set.</summary>
    public static IReadOnlyList<(uint Index, ulong Value)> Entries { get; } =
    [
        (SysenterCs, 0),
        (SysenterEsp, 0),
        (SysenterEip, 0),
        (Star, 0),
        (CompatibilityStar, 0),
        (KernelGsBase, 0),
        (SyscallMask, 0),
        (LongStar, 0),
        (TimeStampCounter, 0),
        (MiscEnable, MiscEnableFastStrings),
        (MtrrDefaultType, MtrrEnable | MemoryTypeWriteBack),
    ];
}
