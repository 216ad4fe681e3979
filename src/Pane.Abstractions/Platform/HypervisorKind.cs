namespace Pane.Platform;

/// <summary>The hardware hypervisors Pane can use.</summary>
public enum HypervisorKind
{
    /// <summary>Linux KVM, through <c>/dev/kvm</c>.</summary>
    Kvm,

    /// <summary>The Windows Hypervisor Platform (WinHvPlatform.dll), which QEMU uses as WHPX.</summary>
    WindowsHypervisorPlatform,
}
