namespace Pane.Host.Platform.Whp;

/// <summary>The Windows calls the WHP probe makes, behind a seam so that its decisions can be tested anywhere.</summary>
internal interface IWindowsHypervisorPlatformApi
{
    /// <summary>Tells whether <c>WinHvPlatform.dll</c> loads; Windows installs it with the optional feature.</summary>
    /// <returns><see langword="true"/> when the library loads.</returns>
    bool IsPlatformLibraryPresent();

    /// <summary>Calls <c>WHvGetCapability(WHvCapabilityCodeHypervisorPresent)</c>.</summary>
    /// <param name="isPresent">Whether a hypervisor runs, when the call succeeded.</param>
    /// <returns>The call's HRESULT.</returns>
    /// <exception cref="EntryPointNotFoundException">The library lacks the function (Windows older than 10 1803).</exception>
    int GetHypervisorPresent(out bool isPresent);

    /// <summary>Calls <c>IsProcessorFeaturePresent(PF_VIRT_FIRMWARE_ENABLED)</c>.</summary>
    /// <returns>Whether the firmware enables hardware virtualization.</returns>
    bool IsVirtualizationEnabledInFirmware();
}
