namespace Pane.Runtime.QemuWhpx.Disks;

/// <summary>Finds <c>qemu-img</c>: beside the <c>qemu-system-x86_64</c> in use (QEMU's installers ship both), else on <c>PATH</c>.</summary>
internal static class QemuImg
{
    /// <summary>Gets the <c>qemu-img</c> that goes with a QEMU binary.</summary>
    /// <param name="qemuPath">The <c>qemu-system-x86_64</c> in use, or <see langword="null"/> when none was found.</param>
    /// <returns>The file beside it when there is one, else the bare name for a <c>PATH</c> search.</returns>
    public static string PathBeside(string? qemuPath)
    {
        var name = OperatingSystem.IsWindows() ? "qemu-img.exe" : "qemu-img";
        if (qemuPath is null)
        {
            return name;
        }

        var besideQemu = Path.Combine(Path.GetDirectoryName(qemuPath) ?? string.Empty, name);
        return File.Exists(besideQemu) ? besideQemu : name;
    }
}
