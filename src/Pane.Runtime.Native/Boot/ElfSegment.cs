namespace Pane.Runtime.Native.Boot;

/// <summary>A loadable segment of an ELF kernel: where its bytes are in the file and where they go in guest memory.</summary>
/// <param name="PhysicalAddress">The guest-physical address it is loaded at (<c>p_paddr</c>).</param>
/// <param name="FileOffset">Where its bytes start in the file.</param>
/// <param name="FileSize">How many bytes the file holds for it.</param>
/// <param name="MemorySize">How much memory it takes; what the file does not hold is zero.</param>
internal readonly record struct ElfSegment(ulong PhysicalAddress, ulong FileOffset, ulong FileSize, ulong MemorySize);
