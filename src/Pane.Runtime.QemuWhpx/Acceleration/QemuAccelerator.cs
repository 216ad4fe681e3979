namespace Pane.Runtime.QemuWhpx.Acceleration;

/// <summary>The QEMU accelerators Pane uses.</summary>
internal enum QemuAccelerator
{
    /// <summary>QEMU's software emulator, the Tiny Code Generator: runs anywhere, slowly.</summary>
    Tcg,

    /// <summary>Linux KVM.</summary>
    Kvm,

    /// <summary>The Windows Hypervisor Platform.</summary>
    Whpx,
}
