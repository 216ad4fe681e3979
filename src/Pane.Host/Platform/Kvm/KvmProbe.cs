using System.Globalization;
using System.Runtime.InteropServices;
using Pane.Platform;

namespace Pane.Host.Platform.Kvm;

/// <summary>
/// Tells whether <c>/dev/kvm</c> can run an ordinary guest: it must open read-write, speak API version 12 and
/// run <see cref="KvmSmokeGuest"/> to the end within <see cref="GuestBudget"/>. The kernel module behind the
/// device only shapes the explanation, with one exception: under kvm_intel or kvm_amd a guest that runs as written
/// but over budget is nested under an emulator (QEMU's TCG emulating SVM or VMX), where every exit is slow yet a
/// guest still runs far faster than under TCG inside it, so that KVM is usable.
/// </summary>
internal sealed class KvmProbe
{
    /// <summary>
    /// The CPU time the test guest may take: hardware virtualization needs well under a millisecond (a few under
    /// nested virtualization, where each exit costs more); kvm_pvm would need about a hundred, and its wall-clock
    /// time is some four times its CPU time.
    /// </summary>
    public static readonly TimeSpan GuestBudget = TimeSpan.FromMilliseconds(20);

    private const string FallBack = "until then Pane falls back to QEMU's TCG, which is much slower.";

    private readonly string _devicePath;
    private readonly string _modulesDirectory;

    /// <summary>Initializes a new instance of the <see cref="KvmProbe"/> class for this host.</summary>
    public KvmProbe()
        : this("/dev/kvm", "/sys/module")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KvmProbe"/> class.</summary>
    /// <param name="devicePath">The KVM device.</param>
    /// <param name="modulesDirectory">The folder of loaded kernel modules.</param>
    public KvmProbe(string devicePath, string modulesDirectory)
    {
        _devicePath = devicePath;
        _modulesDirectory = modulesDirectory;
    }

    /// <summary>Probes KVM.</summary>
    /// <returns>Whether it can run an ordinary guest, and why not.</returns>
    public async Task<HypervisorStatus> ProbeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return HypervisorStatus.Unusable(
                HypervisorKind.Kvm,
                "KVM exists only on Linux, and this host is not Linux.",
                "On Windows Pane uses the Windows Hypervisor Platform; elsewhere it uses QEMU's TCG.");
        }

        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return HypervisorStatus.Unusable(
                HypervisorKind.Kvm,
                $"KVM on {RuntimeInformation.ProcessArchitecture} cannot run Pane's x86-64 guests.",
                "Run Pane on an x86-64 host to use KVM; " + FallBack);
        }

        if (!File.Exists(_devicePath))
        {
            return HypervisorStatus.Unusable(
                HypervisorKind.Kvm,
                $"{_devicePath} does not exist, so the kernel offers no KVM.",
                "Enable virtualization (VT-x or AMD-V) in the firmware and load kvm_intel or kvm_amd (sudo modprobe kvm_intel); " + FallBack);
        }

        var module = KvmModule.Find(_modulesDirectory);
        var result = await KvmTrial.RunAsync(_devicePath, GuestBudget).ConfigureAwait(false);
        return Evaluate(_devicePath, module, result);
    }

    /// <summary>Turns what the trial found into a status.</summary>
    /// <param name="devicePath">The KVM device.</param>
    /// <param name="module">The kernel module behind it, if known.</param>
    /// <param name="result">What the trial found.</param>
    /// <returns>The status, with a reason and a remedy when KVM is not usable.</returns>
    public static HypervisorStatus Evaluate(string devicePath, string? module, KvmTrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var servedBy = module is null ? devicePath : $"{devicePath} (served by {module})";
        var detail = module is null ? devicePath : $"{devicePath} served by {module}";
        if (result.ApiVersion > 0)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $", API {result.ApiVersion}");
        }

        switch (result.Verdict)
        {
            case KvmTrialVerdict.Passed:
                return HypervisorStatus.Usable(
                    HypervisorKind.Kvm,
                    detail + string.Create(CultureInfo.InvariantCulture, $", test guest ran in {result.Elapsed.TotalMilliseconds:0.0} ms of CPU time"));
            case KvmTrialVerdict.TooSlow when module is "kvm_intel" or "kvm_amd" && result.CompletedChunks > 0:
                return HypervisorStatus.Usable(
                    HypervisorKind.Kvm,
                    detail + string.Create(
                        CultureInfo.InvariantCulture,
                        $", nested under emulation: the test guest ran as written but finished only {result.CompletedChunks} of {KvmSmokeGuest.Chunks} chunks of work in {result.Elapsed.TotalMilliseconds:0} ms of CPU time"));
            case KvmTrialVerdict.CannotOpen when result.Error is LinuxNative.ErrorAccessDenied or LinuxNative.ErrorPermissionDenied:
                return HypervisorStatus.Unusable(
                    HypervisorKind.Kvm,
                    $"{servedBy} cannot be opened read-write by this user: {LinuxNative.Describe(result.Error)}.",
                    "Add your user to the kvm group (sudo usermod -aG kvm $USER) and log in again; " + FallBack,
                    detail);
            case KvmTrialVerdict.CannotOpen:
                return HypervisorStatus.Unusable(
                    HypervisorKind.Kvm,
                    $"{servedBy} cannot be opened read-write: {LinuxNative.Describe(result.Error)}.",
                    "Enable virtualization in the firmware and load kvm_intel or kvm_amd (sudo modprobe kvm_intel); " + FallBack,
                    detail);
            case KvmTrialVerdict.WrongApiVersion:
                return HypervisorStatus.Unusable(
                    HypervisorKind.Kvm,
                    string.Create(CultureInfo.InvariantCulture, $"{servedBy} reports KVM API version {result.ApiVersion}, not {KvmIoctl.ExpectedApiVersion}."),
                    "Run Pane on a Linux kernel with standard KVM; " + FallBack,
                    detail);
            case KvmTrialVerdict.SetupFailed:
                return HypervisorStatus.Unusable(
                    HypervisorKind.Kvm,
                    $"{servedBy} refused {result.Operation}{(result.Error != 0 ? ": " + LinuxNative.Describe(result.Error) : string.Empty)}.",
                    RemedyForGuestFailure(module),
                    detail);
            default:
                return HypervisorStatus.Unusable(
                    HypervisorKind.Kvm,
                    GuestFailure(servedBy, module, result),
                    RemedyForGuestFailure(module),
                    detail);
        }
    }

    private static string GuestFailure(string servedBy, string? module, KvmTrialResult result)
    {
        var subject = module == KvmModule.Paravirtual
            ? $"{servedBy.Replace(" (served by ", " is served by ", StringComparison.Ordinal).TrimEnd(')')}, a paravirtual KVM that cannot run ordinary guests"
            : $"{servedBy} cannot run an ordinary guest";
        var what = result.Verdict switch
        {
            KvmTrialVerdict.TooSlow => string.Create(
                CultureInfo.InvariantCulture,
                $"the real-mode test guest finished only {result.CompletedChunks} of {KvmSmokeGuest.Chunks} chunks of work in {result.Elapsed.TotalMilliseconds:0} ms of CPU time, where hardware virtualization needs under a millisecond for all of them"),
            KvmTrialVerdict.Hung => string.Create(
                CultureInfo.InvariantCulture,
                $"the real-mode test guest did not come back from KVM within {KvmTrial.WallClockLimit.TotalSeconds:0.#} s, not even when its thread was interrupted"),
            _ => $"the real-mode test guest misbehaved: {result.Failure}",
        };
        return $"{subject}: {what}.";
    }

    private static string RemedyForGuestFailure(string? module) => module == KvmModule.Paravirtual
        ? "Run Pane on a host with hardware KVM (kvm_intel or kvm_amd), or on a VM with nested virtualization enabled; " + FallBack
        : "Check that virtualization is enabled in the firmware, or enable nested virtualization if this host is itself a VM; " + FallBack;
}
