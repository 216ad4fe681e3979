namespace Pane.Runtime.Native.Hypervisors.Whp;

#pragma warning disable CS1591 // Values of WinHvPlatformDefs.h, named after it.

/// <summary>The WHP enumeration values, exit-context offsets and register names the backend uses.</summary>
internal static class WhpConstants
{
    public const uint PropertyProcessorCount = 0x0000_1FFF;
    public const uint PropertyLocalApicEmulationMode = 0x0000_1005;
    public const uint LocalApicXApic = 1;
    public const uint MapRead = 1;
    public const uint MapWrite = 2;
    public const uint MapExecute = 4;

    public const uint ExitNone = 0;
    public const uint ExitMemoryAccess = 1;
    public const uint ExitIoPortAccess = 2;
    public const uint ExitUnrecoverableException = 4;
    public const uint ExitInvalidRegisterValue = 5;
    public const uint ExitUnsupportedFeature = 6;
    public const uint ExitInterruptWindow = 7;
    public const uint ExitHalt = 8;
    public const uint ExitApicEoi = 9;
    public const uint ExitCanceled = 0x2001;

    /// <summary>The size of <c>WHV_RUN_VP_EXIT_CONTEXT</c>.</summary>
    public const int ExitContextSize = 144;
    public const int ExitReasonOffset = 0;
    public const int InstructionLengthOffset = 10;
    public const int RipOffset = 32;
    public const int ExitInfoOffset = 48;
    public const int IoAccessInfoOffset = ExitInfoOffset + 20;
    public const int IoPortOffset = ExitInfoOffset + 24;
    public const int IoRaxOffset = ExitInfoOffset + 32;

    public const uint InterruptFixed = 0;
    public const uint InterruptLowestPriority = 1;
    public const uint InterruptNmi = 2;

    public const uint Rax = 0x00;
    public const uint Rsp = 0x04;
    public const uint Rbp = 0x05;
    public const uint Rsi = 0x06;
    public const uint Rip = 0x10;
    public const uint Rflags = 0x11;
    public const uint Es = 0x12;
    public const uint Cs = 0x13;
    public const uint Ss = 0x14;
    public const uint Ds = 0x15;
    public const uint Fs = 0x16;
    public const uint Gs = 0x17;
    public const uint Tr = 0x19;
    public const uint Idtr = 0x1A;
    public const uint Gdtr = 0x1B;
    public const uint Cr0 = 0x1C;
    public const uint Cr3 = 0x1E;
    public const uint Cr4 = 0x1F;
    public const uint Efer = 0x2001;

    public const int NotImplemented = unchecked((int)0x80004001);
    public const int Failed = unchecked((int)0x80004005);
}
#pragma warning restore CS1591
