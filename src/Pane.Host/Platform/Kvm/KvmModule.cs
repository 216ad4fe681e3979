namespace Pane.Host.Platform.Kvm;

/// <summary>Finds the kernel module that serves <c>/dev/kvm</c>, from the folders under <c>/sys/module</c>.</summary>
internal static class KvmModule
{
    /// <summary>The paravirtual KVM (PVM) that opens and creates VMs yet cannot run ordinary guests.</summary>
    public const string Paravirtual = "kvm_pvm";

    private static readonly string[] s_knownModules = ["kvm_intel", "kvm_amd", Paravirtual];

    /// <summary>Finds the module.</summary>
    /// <param name="modulesDirectory">The folder of loaded modules, normally <c>/sys/module</c>.</param>
    /// <returns>The module's name, such as <c>kvm_intel</c>, or <see langword="null"/> when none is loaded.</returns>
    public static string? Find(string modulesDirectory)
    {
        foreach (var known in s_knownModules)
        {
            if (Directory.Exists(Path.Combine(modulesDirectory, known)))
            {
                return known;
            }
        }

        try
        {
            return Directory.EnumerateDirectories(modulesDirectory, "kvm_*")
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
