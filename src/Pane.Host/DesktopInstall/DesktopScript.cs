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

    /// <summary>
    /// Leaves a network the image brought up alone (it waits a little for the image's own DHCP client), else asks
    /// whatever DHCP client the guest has, else sets QEMU's user-network addresses with <c>ip</c>. Minimal images
    /// may lack <c>ip</c>, so the routes are read from <c>/proc/net/route</c>.
    /// </summary>
    private const string NetworkScript = """
        set -e
        routes=/proc/net/route
        has_default_route() { awk 'NR > 1 && $2 == "00000000" { found = 1 } END { exit !found }' "$routes"; }
        iface=
        for path in /sys/class/net/*; do
          name=${path##*/}
          if [ "$name" != lo ] && [ -e "$path/device" ]; then iface=$name; break; fi
        done
        if [ -z "$iface" ]; then echo "pane: the guest has no network interface" >&2; exit 1; fi
        if ! has_default_route && systemctl is-active --quiet systemd-networkd NetworkManager dhcpcd 2>/dev/null; then
          waited=0
          while ! has_default_route && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
        fi
        if ! has_default_route; then
          if command -v ip >/dev/null 2>&1; then ip link set dev "$iface" up; fi
          if command -v dhclient >/dev/null 2>&1; then dhclient -1 "$iface" || true
          elif command -v dhcpcd >/dev/null 2>&1; then dhcpcd -1 -w "$iface" || true
          elif command -v udhcpc >/dev/null 2>&1; then udhcpc -n -q -i "$iface" || true
          fi
        fi
        # QEMU's user network answers on fixed addresses: the guest 10.0.2.15, the gateway 10.0.2.2, DNS 10.0.2.3.
        if ! has_default_route && command -v ip >/dev/null 2>&1; then
          if ! ip -4 addr show dev "$iface" | grep -q 'inet '; then ip addr add 10.0.2.15/24 dev "$iface"; fi
          ip route add default via 10.0.2.2 dev "$iface"
        fi
        if ! has_default_route; then
          echo "pane: $iface has no default route: no DHCP client got a lease, and there is no ip command to set one" >&2
          exit 1
        fi
        if ! grep -qs '^nameserver' /etc/resolv.conf || { grep -qs '^nameserver 127.0.0.53' /etc/resolv.conf && ! systemctl is-active --quiet systemd-resolved; }; then
          rm -f /etc/resolv.conf
          echo 'nameserver 10.0.2.3' > /etc/resolv.conf
        fi
        awk 'function hex(text, i, n) { n = 0; for (i = 1; i <= length(text); i++) n = n * 16 + index("0123456789ABCDEF", toupper(substr(text, i, 1))) - 1; return n }
          NR > 1 && $2 == "00000000" { g = $3; printf "pane-net %s via %d.%d.%d.%d\n", $1, hex(substr(g, 7, 2)), hex(substr(g, 5, 2)), hex(substr(g, 3, 2)), hex(substr(g, 1, 2)); exit }' "$routes"
        """;

    /// <summary>
    /// Grows the root partition into the space the grown overlay added, then its filesystem, online. The tools are
    /// installed first when the image lacks them (Debian's minimal images have neither sfdisk nor resize2fs). After
    /// qemu-img grew the disk, the GPT's backup header sits where the disk used to end, so sfdisk moves it to the
    /// new end before it extends the partition; the kernel learns the new size from partx, since the disk is in use.
    /// </summary>
    private static string GrowScript(PackageManagerScript packages) => $$"""
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
        missing=
        if ! command -v growpart >/dev/null 2>&1 && ! { command -v sfdisk >/dev/null 2>&1 && command -v partx >/dev/null 2>&1; }; then missing=1; fi
        case "$fstype" in ext2|ext3|ext4) command -v resize2fs >/dev/null 2>&1 || missing=1 ;; esac
        if [ -n "$missing" ]; then
          echo "pane: installing {{string.Join(' ', packages.DiskToolPackages)}} to grow the root disk"
          (
        {{packages.Install(packages.DiskToolPackages)}}
          )
        fi
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
            steps.Add(new() { Title = "Grow the root partition and filesystem", Script = GrowScript(packages), Timeout = TimeSpan.FromMinutes(10) });
        }

        var install = new GuestStep { Title = $"Install {plan.Packages.Count} packages", Script = packages.Install(plan.Packages), Timeout = installTimeout };
        steps.Add(install);
        steps.Add(new() { Title = $"Enable {plan.DisplayManager} as the only display manager", Script = ConfigureScript(family, plan, otherManagers, services), Timeout = TimeSpan.FromMinutes(5) });
        var verify = new GuestStep { Title = "Verify the desktop", Script = VerifyScript(family, packages, plan, otherManagers, services), Timeout = TimeSpan.FromMinutes(5) };
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

    /// <summary>
    /// Disables the other display managers, enables the chosen one and links <c>display-manager.service</c> to it by
    /// hand when its unit has no <c>[Install]</c> alias (Debian's SLiM). On the Debian family it also names the
    /// manager's program in <c>/etc/X11/default-display-manager</c>, which the Debian units of LightDM, GDM and SLiM
    /// check before they start: a stale name there leaves the guest at a text console after a switch. systemd reloads
    /// its units once at the end rather than after every change (each reload takes seconds on an emulated machine),
    /// and what is enabled already is left alone.
    /// </summary>
    private static string ConfigureScript(DistributionFamily family, DesktopPlan plan, IReadOnlyList<string> otherManagers, IReadOnlyList<string> services) => $$"""
        set -e
        unit_file() { systemctl show --property=FragmentPath --value "$1.service" 2>/dev/null || true; }
        chosen_file=$(unit_file {{plan.DisplayManager}})
        if [ -z "$chosen_file" ]; then echo "pane: no unit {{plan.DisplayManager}}.service after the install" >&2; exit 1; fi
        for manager in {{string.Join(' ', otherManagers)}}; do
          file=$(unit_file "$manager")
          if [ -n "$file" ] && [ "$file" != "$chosen_file" ]; then
            systemctl --no-reload disable "$manager.service"
            echo "pane: disabled $manager"
          fi
        done
        systemctl --no-reload enable --force {{plan.DisplayManager}}.service
        if [ "$(readlink -f /etc/systemd/system/display-manager.service 2>/dev/null || true)" != "$(readlink -f "$chosen_file")" ]; then
          ln -sfn "$chosen_file" /etc/systemd/system/display-manager.service
          echo "pane: linked display-manager.service to $chosen_file"
        fi
        {{(family == DistributionFamily.Debian ? DebianDefaultDisplayManager(plan.DisplayManager) : string.Empty)}}
        for unit in {{string.Join(' ', services)}}; do
          [ "$(systemctl is-enabled "$unit" 2>/dev/null || true)" = enabled ] || systemctl --no-reload enable "$unit"
        done
        [ "$(systemctl get-default 2>/dev/null || true)" = graphical.target ] || systemctl --no-reload set-default graphical.target
        systemctl daemon-reload
        """;

    /// <summary>
    /// Sets <c>$program</c> to what a display manager's unit starts, as Debian's /etc/X11/default-display-manager names it: the
    /// <c>path=</c> of its ExecStart, which systemd leaves relative when the unit names a bare command (greetd's).
    /// </summary>
    private static string SetProgramOf(string displayManager) =>
        $"program=$(systemctl show --property=ExecStart --value {displayManager}.service 2>/dev/null | sed -n 's/^{{ *path=\\([^ ;]*\\).*/\\1/p' | head -n 1)\n"
        + "case \"$program\" in /*) ;; ?*) program=$(command -v \"$program\" || echo \"$program\") ;; esac";

    private static string DebianDefaultDisplayManager(string displayManager) => $$"""
        {{SetProgramOf(displayManager)}}
        if [ -n "$program" ]; then
          mkdir -p /etc/X11
          echo "$program" > /etc/X11/default-display-manager
        fi
        """;

    private static string VerifyScript(DistributionFamily family, PackageManagerScript packages, DesktopPlan plan, IReadOnlyList<string> otherManagers, IReadOnlyList<string> services) => $$"""
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
        {{(family == DistributionFamily.Debian ? DebianDefaultDisplayManagerCheck(plan.DisplayManager) : string.Empty)}}
        df -k / | awk 'NR == 2 { print "pane-check root-kib " $2 }'
        """;

    private static string DebianDefaultDisplayManagerCheck(string displayManager) => $$"""
        named=$(cat /etc/X11/default-display-manager 2>/dev/null || true)
        {{SetProgramOf(displayManager)}}
        echo "pane-check x11-default-display-manager ${named:-none} $program"
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
