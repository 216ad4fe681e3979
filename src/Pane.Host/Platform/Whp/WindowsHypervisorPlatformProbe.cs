using System.Globalization;
using Pane.Platform;

namespace Pane.Host.Platform.Whp;

/// <summary>
/// Tells whether the Windows Hypervisor Platform can run a guest, and if not, which of its three conditions is
/// missing: the optional feature (no <c>WinHvPlatform.dll</c>), a running hypervisor, or virtualization in the
/// firmware.
/// </summary>
internal sealed class WindowsHypervisorPlatformProbe
{
    private const string FallBack = "until then Pane uses QEMU's TCG, which is much slower.";

    private readonly IWindowsHypervisorPlatformApi _api;
    private readonly bool _isWindows;

    /// <summary>Initializes a new instance of the <see cref="WindowsHypervisorPlatformProbe"/> class for this host.</summary>
    public WindowsHypervisorPlatformProbe()
        : this(new WindowsHypervisorPlatformApi(), OperatingSystem.IsWindows())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WindowsHypervisorPlatformProbe"/> class.</summary>
    /// <param name="api">The Windows calls.</param>
    /// <param name="isWindows">Whether the host is Windows; the calls are made only then.</param>
    public WindowsHypervisorPlatformProbe(IWindowsHypervisorPlatformApi api, bool isWindows)
    {
        _api = api;
        _isWindows = isWindows;
    }

    /// <summary>Probes the Windows Hypervisor Platform.</summary>
    /// <returns>Whether it is usable, and why not.</returns>
    public HypervisorStatus Probe()
    {
        const HypervisorKind Kind = HypervisorKind.WindowsHypervisorPlatform;
        if (!_isWindows)
        {
            return HypervisorStatus.Unusable(
                Kind,
                "The Windows Hypervisor Platform exists only on Windows, and this host is not Windows.",
                "On Linux Pane uses KVM; elsewhere it uses QEMU's TCG.");
        }

        if (!_api.IsPlatformLibraryPresent())
        {
            return HypervisorStatus.Unusable(
                Kind,
                "The Windows feature 'Windows Hypervisor Platform' is not enabled (WinHvPlatform.dll is missing).",
                "Turn it on in 'Turn Windows features on or off' (or run 'Enable-WindowsOptionalFeature -Online -FeatureName HypervisorPlatform' as administrator) and restart; " + FallBack);
        }

        int result;
        bool isPresent;
        try
        {
            result = _api.GetHypervisorPresent(out isPresent);
        }
        catch (EntryPointNotFoundException)
        {
            return HypervisorStatus.Unusable(
                Kind,
                "This Windows has WinHvPlatform.dll without WHvGetCapability, so it is older than Windows 10 version 1803.",
                "Update Windows; " + FallBack);
        }

        if (result < 0)
        {
            return HypervisorStatus.Unusable(
                Kind,
                string.Create(CultureInfo.InvariantCulture, $"WHvGetCapability failed with HRESULT 0x{result:X8}."),
                "Restart Windows, then check that the 'Windows Hypervisor Platform' feature is enabled; " + FallBack);
        }

        if (isPresent)
        {
            return HypervisorStatus.Usable(Kind, "WinHvPlatform.dll loaded and a hypervisor is present");
        }

        return _api.IsVirtualizationEnabledInFirmware()
            ? HypervisorStatus.Unusable(
                Kind,
                "The 'Windows Hypervisor Platform' feature is enabled but no hypervisor is running.",
                "Run 'bcdedit /set hypervisorlaunchtype auto' as administrator and restart; " + FallBack,
                "WinHvPlatform.dll loaded; virtualization is enabled in the firmware")
            : HypervisorStatus.Unusable(
                Kind,
                "The 'Windows Hypervisor Platform' feature is enabled but hardware virtualization is disabled in the firmware, so no hypervisor can start.",
                "Enable Intel VT-x or AMD-V (SVM) in the UEFI/BIOS settings and restart; " + FallBack,
                "WinHvPlatform.dll loaded; virtualization is disabled in the firmware");
    }
}
