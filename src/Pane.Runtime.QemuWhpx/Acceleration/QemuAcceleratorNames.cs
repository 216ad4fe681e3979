namespace Pane.Runtime.QemuWhpx.Acceleration;

/// <summary>The names QEMU gives its accelerators on the command line (<c>-accel NAME</c>).</summary>
internal static class QemuAcceleratorNames
{
    public static string ToArgument(this QemuAccelerator accelerator) => accelerator switch
    {
        QemuAccelerator.Kvm => "kvm",
        QemuAccelerator.Whpx => "whpx",
        _ => "tcg",
    };
}
