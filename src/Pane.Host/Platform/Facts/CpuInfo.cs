namespace Pane.Host.Platform.Facts;

/// <summary>What Linux's <c>/proc/cpuinfo</c> says about hardware virtualization.</summary>
/// <param name="ModelName">The first processor's model name, if given.</param>
/// <param name="HasVmx">Whether the CPU offers Intel VT-x (the <c>vmx</c> flag).</param>
/// <param name="HasSvm">Whether the CPU offers AMD-V (the <c>svm</c> flag).</param>
/// <param name="RunsUnderHypervisor">Whether this Linux itself runs in a VM (the <c>hypervisor</c> flag).</param>
internal sealed record CpuInfo(string? ModelName, bool HasVmx, bool HasSvm, bool RunsUnderHypervisor)
{
    /// <summary>Gets a value indicating whether the CPU offers hardware virtualization.</summary>
    public bool HasHardwareVirtualization => HasVmx || HasSvm;

    /// <summary>Reads the first processor's entry.</summary>
    /// <param name="text">The file's text: <c>name : value</c> lines, one block per processor.</param>
    /// <returns>What it says; flags missing from the text read as absent.</returns>
    public static CpuInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? modelName = null;
        string[]? flags = null;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (modelName is null && name == "model name")
            {
                modelName = value;
            }
            else if (flags is null && name == "flags")
            {
                flags = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        flags ??= [];
        return new CpuInfo(modelName, flags.Contains("vmx"), flags.Contains("svm"), flags.Contains("hypervisor"));
    }
}
