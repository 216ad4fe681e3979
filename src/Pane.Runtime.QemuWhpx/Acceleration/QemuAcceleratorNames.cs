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

    /// <summary>Reads an accelerator from its QEMU argument.</summary>
    /// <param name="argument">The argument, such as <c>kvm</c>.</param>
    /// <returns>The accelerator, or <see langword="null"/> when QEMU has no such accelerator Pane uses.</returns>
    public static QemuAccelerator? Parse(string argument) => argument.ToLowerInvariant() switch
    {
        "kvm" => QemuAccelerator.Kvm,
        "whpx" => QemuAccelerator.Whpx,
        "tcg" => QemuAccelerator.Tcg,
        _ => null,
    };
}
