using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pane.Desktops;
using Pane.Host.Guest;

namespace Pane.Host.DesktopInstall;

/// <summary>
/// Turns a recipe's plan into the guest steps of <c>pane install-desktop</c>: networking, the package manager, the root
/// disk, the packages, the display manager and services, and a verification that reports what the guest holds.
/// </summary>
internal static partial class DesktopScript
{
    /// <summary>The prefix of the verification's lines.</summary>
    public const string CheckPrefix = "pane-check ";

    private const string NetworkScript = """
        set -e
        iface=
        for path in /sys/class/net/*; do
          name=${path##*/}
          if [ "$name" != lo ] && [ -e "$path/device" ]; then iface=$name; break; fi
        done
        if [ -z "$iface" ]; then echo "pane: the guest has no network interface" >&2; exit 1; fi
        ip link set dev "$iface" up
        if ! ip -4 addr show dev "$iface" | grep -q 'inet '; then
          if command -v dhclient >/dev/null 2>&1; then dhclient -1 "$iface" || true
          elif command -v dhcpcd >/dev/null 2>&1; then dhcpcd -1 -w "$iface" || true
          elif command -v udhcpc >/dev/null 2>&1; then udhcpc -n -q -i "$iface" || true
          fi
        fi
        # QEMU's user network answers on fixed addresses: the guest 10.0.2.15, the gateway 10.0.2.2, DNS 10.0.2.3.
        if ! ip -4 addr show dev "$iface" | grep -q 'inet '; then ip addr add 10.0.2.15/24 dev "$iface"; fi
        if ! ip route show default | grep -q .; then ip route add default via 10.0.2.2 dev "$iface"; fi
        if ! grep -qs '^nameserver' /etc/resolv.conf || { grep -qs '^nameserver 127.0.0.53' /etc/resolv.conf && ! systemctl is-active --quiet systemd-resolved; }; then
          rm -f /etc/resolv.conf
          echo 'nameserver 10.0.2.3' > /etc/resolv.conf
        fi
        echo "pane-net $iface $(ip -4 -o addr show dev "$iface" | awk '{ print $4 }')"
        """;

    private const string GrowScript = """
        set -e
        source=$(awk '$2 == "/" { dev = $1 } END { print dev }' /proc/mounts)
        fstype=$(awk '$2 == "/" { fs = $3 } END { print fs }' /proc/mounts)
        if [ ! -b "$source" ] && command -v findmnt >/dev/null 2>&1; then source=$(findmnt -n -o SOURCE /); fi
        part=$(basename "$(readlink -f "$source")")
        if [ ! -e "/sys/class/block/$part/partition" ]; then echo "pane: the root filesystem ($source) is not on a partition Pane can grow" >&2; exit 1; fi
        number=$(cat "/sys/class/block/$part/partition")
        disk=$(basename "$(readlink -f "/sys/class/block/$part/..")")
        disk_sectors=$(cat "/sys/class/block/$disk/size")
        end=$(( $(cat "/sys/class/block/$part/start") + $(cat "/sys/class/block/$part/size") ))
        echo "pane-disk /dev/$disk has $disk_sectors sectors; the root /dev/$part ($fstype) ends at sector $end"
        if [ $((disk_sectors - end)) -gt 32768 ]; then
          if command -v growpart >/dev/null 2>&1; then
            growpart "/dev/$disk" "$number"
          else
            sfdisk --relocate gpt-bak-std "/dev/$disk" >/dev/null 2>&1 || true
            echo ', +' | sfdisk --force --no-reread -N "$number" "/dev/$disk"
            partx -u --nr "$number" "/dev/$disk"
          fi
        fi
        case "$fstype" in
          ext2|ext3|ext4) resize2fs "/dev/$part" ;;
          btrfs) btrfs filesystem resize max / ;;
          xfs) xfs_growfs / ;;
          *) echo "pane: Pane cannot grow a $fstype root filesystem" >&2; exit 1 ;;
        esac
        df -k / | awk 'NR == 2 { print "pane-root-kib " $2 }'
        """;

    /// <summary>Builds the plan of an install.</summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="family">The guest's distribution family.</param>
    /// <param name="targetDiskGiB">The root disk size to grow to, or <see langword="null"/> to leave the disk alone.</param>
    /// <param name="installTimeout">How long the package install may take.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="PaneException">The recipe has no plan for the family, or names something a shell cannot take safely.</exception>
    public static DesktopInstallPlan Build(IDesktopRecipe recipe, DistributionFamily family, int? targetDiskGiB, TimeSpan installTimeout)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (!recipe.Plans.TryGetValue(family, out var plan))
        {
            throw new PaneException(
                $"The recipe '{recipe.Id}' has no plan for the '{family}' family (it has {string.Join(", ", recipe.Plans.Keys)}).",
                "Use an image of a family the recipe supports, or another recipe ('pane recipes' lists them).");
        }

        Validate(recipe.Id, plan);
        var packages = PackageManagerScript.For(family);
        var otherManagers = DisplayManagerUnits.Known.Concat(plan.ConflictingDisplayManagers)
            .Where(manager => manager != plan.DisplayManager).Distinct(StringComparer.Ordinal).ToList();
        var services = plan.ServicesToEnable.Append("fstrim.timer").Distinct(StringComparer.Ordinal).ToList();
        var steps = new List<GuestStep>
        {
            new() { Title = "Bring up networking", Script = NetworkScript, Timeout = TimeSpan.FromMinutes(3) },
            new() { Title = $"Prepare {PackageManagerName(family)}", Script = packages.Prepare, Timeout = TimeSpan.FromMinutes(20) },
        };
        if (targetDiskGiB is not null)
        {
            steps.Add(new() { Title = "Grow the root partition and filesystem", Script = GrowScript, Timeout = TimeSpan.FromMinutes(5) });
        }

        var install = new GuestStep { Title = $"Install {plan.Packages.Count} packages", Script = packages.Install(plan.Packages), Timeout = installTimeout };
        steps.Add(install);
        steps.Add(new() { Title = $"Enable {plan.DisplayManager} as the only display manager", Script = ConfigureScript(plan, otherManagers, services), Timeout = TimeSpan.FromMinutes(5) });
        var verify = new GuestStep { Title = "Verify the desktop", Script = VerifyScript(packages, plan, otherManagers, services), Timeout = TimeSpan.FromMinutes(5) };
        steps.Add(verify);
        return new DesktopInstallPlan
        {
            Recipe = recipe,
            Family = family,
            Plan = plan,
            TargetDiskGiB = targetDiskGiB,
            Steps = steps,
            InstallStep = install,
            VerifyStep = verify,
            PackageManager = packages,
            OtherDisplayManagers = otherManagers,
            Services = services,
        };
    }

    /// <summary>Writes a plan as one shell script, exactly as its steps are typed (each between its markers).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The script.</returns>
    public static string Render(DesktopInstallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#!/bin/sh\n# pane install-desktop --de {plan.Recipe.Id} on a {plan.Family}-family guest.\n");
        text.Append("# Pane types each step on the guest's serial root shell, in a subshell between markers that carry its exit status.\n");
        for (var index = 0; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            text.Append(CultureInfo.InvariantCulture, $"\n# Step {index + 1}/{plan.Steps.Count}: {step.Title} (timeout {step.Timeout.TotalMinutes:0.#} min)\n(\n{step.Script.TrimEnd()}\n)\n");
        }

        return text.ToString();
    }

    private static string PackageManagerName(DistributionFamily family) =>
        family == DistributionFamily.Arch ? "pacman" : family == DistributionFamily.Debian ? "apt" : "dnf";

    private static string ConfigureScript(DesktopPlan plan, IReadOnlyList<string> otherManagers, IReadOnlyList<string> services) => $$"""
        set -e
        unit_file() { systemctl show --property=FragmentPath --value "$1.service" 2>/dev/null || true; }
        chosen_file=$(unit_file {{plan.DisplayManager}})
        if [ -z "$chosen_file" ]; then echo "pane: no unit {{plan.DisplayManager}}.service after the install" >&2; exit 1; fi
        for manager in {{string.Join(' ', otherManagers)}}; do
          file=$(unit_file "$manager")
          if [ -n "$file" ] && [ "$file" != "$chosen_file" ]; then
            systemctl disable "$manager.service"
            echo "pane: disabled $manager"
          fi
        done
        systemctl enable --force {{plan.DisplayManager}}.service
        for unit in {{string.Join(' ', services)}}; do systemctl enable "$unit"; done
        systemctl set-default graphical.target
        """;

    private static string VerifyScript(PackageManagerScript packages, DesktopPlan plan, IReadOnlyList<string> otherManagers, IReadOnlyList<string> services) => $$"""
        for package in {{string.Join(' ', plan.Packages)}}; do
          if {{packages.IsInstalledCondition()}}; then echo "pane-check package $package installed"; else echo "pane-check package $package missing"; fi
        done
        manager=$(readlink -f /etc/systemd/system/display-manager.service 2>/dev/null || true)
        echo "pane-check display-manager ${manager##*/}"
        echo "pane-check default-target $(systemctl get-default 2>/dev/null)"
        for manager in {{plan.DisplayManager}} {{string.Join(' ', otherManagers)}}; do
          state=$(systemctl is-enabled "$manager.service" 2>/dev/null || true)
          file=$(systemctl show --property=FragmentPath --value "$manager.service" 2>/dev/null || true)
          echo "pane-check manager $manager ${state:-absent} ${file##*/}"
        done
        for unit in {{string.Join(' ', services)}}; do
          state=$(systemctl is-enabled "$unit" 2>/dev/null || true)
          echo "pane-check unit $unit ${state:-absent}"
        done
        df -k / | awk 'NR == 2 { print "pane-check root-kib " $2 }'
        """;

    private static void Validate(string recipeId, DesktopPlan plan)
    {
        if (plan.Packages.Count == 0)
        {
            throw new PaneException($"The recipe '{recipeId}' names no package to install.", "Fix the recipe: its plan lists the packages of the desktop.");
        }

        var names = plan.Packages.Concat(plan.ConflictingDisplayManagers).Concat(plan.ServicesToEnable).Append(plan.DisplayManager);
        if (names.FirstOrDefault(name => !SafeName().IsMatch(name)) is { } unsafeName)
        {
            throw new PaneException(
                $"The recipe '{recipeId}' names '{unsafeName}', which Pane does not pass to a shell.",
                "Fix the recipe: package, unit and display manager names are letters, digits and @ . _ + : - only.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9@._+:-]+$")]
    private static partial Regex SafeName();
}
