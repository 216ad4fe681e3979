namespace Pane.Host.Platform.Kvm;

/// <summary>
/// The test guest the KVM probe runs: a few bytes of 16-bit real-mode code, the mode every ordinary guest's
/// firmware starts in. It counts down <see cref="Chunks"/> × <see cref="IterationsPerChunk"/> times (about half a
/// million instructions, well under a millisecond of CPU time under hardware virtualization), reports each finished chunk on
/// <see cref="ProgressPort"/>, writes <see cref="ResultValue"/> to <see cref="ResultPort"/>, then halts.
/// The work makes a KVM that emulates real mode instruction by instruction (kvm_pvm manages one to four
/// million a second) miss the probe's budget of CPU time by far.
/// </summary>
internal static class KvmSmokeGuest
{
    /// <summary>The guest-physical address the code is loaded at, and where it starts (CS = 0, IP = this).</summary>
    public const ushort LoadAddress = 0x1000;

    /// <summary>The size of guest memory, from guest-physical address 0.</summary>
    public const int MemorySize = 0x10000;

    /// <summary>How many chunks of work the guest does.</summary>
    public const int Chunks = 64;

    /// <summary>How many loop iterations (two instructions each) one chunk is.</summary>
    public const int IterationsPerChunk = 4096;

    /// <summary>The port the guest writes to after each chunk.</summary>
    public const ushort ProgressPort = 0x11;

    /// <summary>The port the guest writes its result to.</summary>
    public const ushort ResultPort = 0x10;

    /// <summary>The byte the guest writes to <see cref="ResultPort"/>.</summary>
    public const byte ResultValue = 0x42;

    /// <summary>Gets the guest's machine code.</summary>
    public static ReadOnlySpan<byte> Code =>
    [
        0x66, 0xB9, Chunks, 0x00, 0x00, 0x00,   // 00: mov ecx, Chunks
        0x66, 0xBA, 0x00, 0x10, 0x00, 0x00,     // 06: mov edx, IterationsPerChunk (0x1000)
        0x66, 0x4A,                             // 0C: dec edx
        0x75, 0xFC,                             // 0E: jnz 0C
        0xE6, (byte)ProgressPort,               // 10: out ProgressPort, al
        0x66, 0x49,                             // 12: dec ecx
        0x75, 0xF0,                             // 14: jnz 06
        0xB0, ResultValue,                      // 16: mov al, ResultValue
        0xE6, (byte)ResultPort,                 // 18: out ResultPort, al
        0xF4,                                   // 1A: hlt
    ];
}
