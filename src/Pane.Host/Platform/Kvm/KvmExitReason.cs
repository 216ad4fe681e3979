namespace Pane.Host.Platform.Kvm;

/// <summary>Why <c>KVM_RUN</c> returned to user space (<c>KVM_EXIT_*</c> in linux/kvm.h).</summary>
internal enum KvmExitReason : uint
{
    /// <summary><c>KVM_EXIT_UNKNOWN</c>.</summary>
    Unknown = 0,

    /// <summary><c>KVM_EXIT_EXCEPTION</c>.</summary>
    Exception = 1,

    /// <summary><c>KVM_EXIT_IO</c>: the guest used an I/O port.</summary>
    Io = 2,

    /// <summary><c>KVM_EXIT_HYPERCALL</c>.</summary>
    Hypercall = 3,

    /// <summary><c>KVM_EXIT_DEBUG</c>.</summary>
    Debug = 4,

    /// <summary><c>KVM_EXIT_HLT</c>: the guest halted.</summary>
    Halt = 5,

    /// <summary><c>KVM_EXIT_MMIO</c>: the guest touched memory no slot backs.</summary>
    Mmio = 6,

    /// <summary><c>KVM_EXIT_SHUTDOWN</c>: the guest triple-faulted.</summary>
    Shutdown = 8,

    /// <summary><c>KVM_EXIT_FAIL_ENTRY</c>: the hardware refused to enter the guest.</summary>
    FailEntry = 9,

    /// <summary><c>KVM_EXIT_INTR</c>: a signal interrupted the run.</summary>
    Interrupted = 10,

    /// <summary><c>KVM_EXIT_INTERNAL_ERROR</c>: KVM could not emulate what the guest did.</summary>
    InternalError = 17,

    /// <summary><c>KVM_EXIT_SYSTEM_EVENT</c>.</summary>
    SystemEvent = 24,
}
