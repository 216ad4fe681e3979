namespace Pane.Runtime.QemuWhpx.Acceleration;

/// <summary>
/// The <c>-cpu</c> model for each accelerator. WHPX gets a named model because <c>host</c> and <c>max</c> pass it
/// feature bits (APX, MPX) it cannot honour, which kills the guest before it boots; Skylake-Client keeps AVX2 and
/// SSE4. KVM passes the host CPU through. TCG emulates the richest CPU it can, <c>max</c>.
/// </summary>
internal static class CpuModelPolicy
{
    public const string WhpxModel = "Skylake-Client";

    public const string KvmModel = "host";

    public const string TcgModel = "max";

    public static string ModelFor(QemuAccelerator accelerator) => accelerator switch
    {
        QemuAccelerator.Whpx => WhpxModel,
        QemuAccelerator.Kvm => KvmModel,
        _ => TcgModel,
    };
}
