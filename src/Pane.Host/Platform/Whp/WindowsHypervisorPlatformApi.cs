using System.Runtime.InteropServices;

namespace Pane.Host.Platform.Whp;

/// <summary>The real Windows calls behind <see cref="IWindowsHypervisorPlatformApi"/>; call it only on Windows.</summary>
internal sealed class WindowsHypervisorPlatformApi : IWindowsHypervisorPlatformApi
{
    private const string PlatformLibrary = "WinHvPlatform.dll";
    private const int CapabilityCodeHypervisorPresent = 0;

    /// <inheritdoc/>
    public bool IsPlatformLibraryPresent()
    {
        if (!NativeLibrary.TryLoad(PlatformLibrary, typeof(WindowsHypervisorPlatformApi).Assembly, DllImportSearchPath.System32, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }

    /// <inheritdoc/>
    public int GetHypervisorPresent(out bool isPresent)
    {
        // WHV_CAPABILITY is a union; for this code it holds one BOOL. Eight bytes leave room for any padding.
        var result = GetCapability(CapabilityCodeHypervisorPresent, out var capability, sizeof(long), out _);
        isPresent = result >= 0 && (capability & 0xFFFF_FFFF) != 0;
        return result;
    }

    /// <inheritdoc/>
    public bool IsVirtualizationEnabledInFirmware() =>
        WindowsNative.IsProcessorFeaturePresent(WindowsNative.ProcessorFeatureVirtualizationFirmwareEnabled);

    [DllImport(PlatformLibrary, EntryPoint = "WHvGetCapability", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    private static extern int GetCapability(int capabilityCode, out long capability, uint capabilityBufferSize, out uint writtenSize);
}
