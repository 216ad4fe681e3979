namespace Pane.Runtime.QemuWhpx.Acceleration;

/// <summary>The accelerator QEMU would use and, when it falls back to TCG, why the hardware one was refused.</summary>
/// <param name="Accelerator">The accelerator.</param>
/// <param name="RefusedAccelerator">The hardware accelerator that was refused (<c>kvm</c>, <c>whpx</c>), if any.</param>
/// <param name="RefusalReason">One sentence on why it was refused.</param>
internal sealed record AcceleratorChoice(QemuAccelerator Accelerator, string? RefusedAccelerator = null, string? RefusalReason = null)
{
    public bool IsAccelerated => Accelerator != QemuAccelerator.Tcg;
}
