using Pane.Platform;

namespace Pane.Runtime.QemuWhpx.Acceleration;

/// <summary>
/// Picks QEMU's accelerator: <c>whpx</c> on Windows and <c>kvm</c> on Linux when the host's hypervisor probe says
/// it can run an ordinary guest and the binary was built with it; otherwise <c>tcg</c>, with the reason.
/// </summary>
internal static class AcceleratorPolicy
{
    /// <summary>The hypervisor QEMU would use on an operating system, if any.</summary>
    public static HypervisorKind? HypervisorFor(HostOperatingSystem operatingSystem) => operatingSystem switch
    {
        HostOperatingSystem.Windows => HypervisorKind.WindowsHypervisorPlatform,
        HostOperatingSystem.Linux => HypervisorKind.Kvm,
        _ => null,
    };

    /// <param name="operatingSystem">The host's operating system.</param>
    /// <param name="hypervisor">What the hypervisor probe said about <see cref="HypervisorFor"/>, or <see langword="null"/> when there is none.</param>
    /// <param name="offered">The accelerators the binary was built with, or <see langword="null"/> when unknown.</param>
    public static AcceleratorChoice Choose(HostOperatingSystem operatingSystem, HypervisorStatus? hypervisor, IReadOnlySet<string>? offered)
    {
        var hardware = operatingSystem switch
        {
            HostOperatingSystem.Windows => QemuAccelerator.Whpx,
            HostOperatingSystem.Linux => QemuAccelerator.Kvm,
            _ => (QemuAccelerator?)null,
        };
        if (hardware is not { } accelerator)
        {
            return new AcceleratorChoice(
                QemuAccelerator.Tcg,
                "hardware",
                $"Pane accelerates QEMU only with KVM on Linux and WHPX on Windows, not on {operatingSystem}.");
        }

        var name = accelerator.ToArgument();
        if (hypervisor is null || !hypervisor.IsUsable)
        {
            var reason = hypervisor?.Reason ?? "No hypervisor probe answered.";
            return new AcceleratorChoice(QemuAccelerator.Tcg, name, reason);
        }

        if (offered is not null && !offered.Contains(name))
        {
            return new AcceleratorChoice(
                QemuAccelerator.Tcg,
                name,
                $"This QEMU binary was built without {name}; it offers {string.Join(", ", offered.Order(StringComparer.Ordinal))}.");
        }

        return new AcceleratorChoice(accelerator);
    }
}
