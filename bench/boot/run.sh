#!/usr/bin/env bash
# Boot benchmark: `pane launch --headless --keep` (headless, returning once the login shows) of the guest fixture
# against the identical QEMU command line run bare, both to the same login milestone, in turns (pane, bare, pane,
# bare, ... after one warm-up of each), so that a drift in the machine's speed hits both; medians of RUNS (default 5).
#
#   bench/boot/run.sh [RUNS]
#
# The bare command line is the one pane itself ran, read back from /proc/<pid>/cmdline, so both sides boot the
# same machine. Each side ends by killing QEMU once the login shows, so neither pays for a shutdown.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
eng/setup.sh
guest=$(tests/fixtures/guest/build-guest.sh)
dotnet build src/Pane.Host -c Release -nologo -v:q >/dev/null
pane=$PWD/src/Pane.Host/bin/Release/net10.0/pane
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PANE_HOME=$work/home
machine=(--cpus 2 --memory 1024)

"$pane" launch "$guest/disk.raw" "${machine[@]}" --detach >/dev/null
state=$PANE_HOME/vms/default
tr '\0' '\n' < "/proc/$(cat "$state/qemu.pid")/cmdline" | grep -v -e '^-daemonize$' -e '^-pidfile$' -e '/qemu.pid$' > "$work/qemu-args"
"$pane" stop >/dev/null

cat > "$work/bare.sh" <<BARE
#!/usr/bin/env bash
# The bare side: the same QEMU command line, until the serial log shows the login, then kill it.
rm -f "$state/serial.log" "$state/serial.sock" "$state/qmp.sock"
mapfile -t args < "$work/qemu-args"
"\${args[@]}" >/dev/null 2>&1 &
until grep -qs '(automatic login)' "$state/serial.log"; do sleep 0.05; done
kill \$!
wait \$! 2>/dev/null || true
BARE
cat > "$work/pane.sh" <<PANE
#!/usr/bin/env bash
# The Pane side: launch until the login milestone, then kill QEMU the same way.
"$pane" launch "$guest/disk.raw" ${machine[*]} --headless --keep >/dev/null
qemu=\$(cat "$state/qemu.pid")
kill \$qemu
while kill -0 \$qemu 2>/dev/null; do sleep 0.05; done
rm -f "$state/machine.json"
PANE
chmod +x "$work/bare.sh" "$work/pane.sh"

python3 - "$runs" "$work/pane.sh" "$work/bare.sh" <<'TURNS'
import statistics, subprocess, sys, time
runs, pane, bare = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def timed(script):
    started = time.perf_counter()
    subprocess.run([script], check=True)
    return time.perf_counter() - started
timed(pane), timed(bare)
pairs = [(timed(pane), timed(bare)) for _ in range(runs)]
for index, (p, b) in enumerate(pairs, 1):
    print(f"run {index}: pane {p:.3f} s, bare {b:.3f} s, pane/bare {p / b:.3f}")
p, b = statistics.median(p for p, _ in pairs), statistics.median(b for _, b in pairs)
ratio = statistics.median(p / b for p, b in pairs)
print(f"medians: pane launch --headless --keep {p:.3f} s, bare qemu {b:.3f} s; median pane/bare {ratio:.3f}"
      f" = {100 * (ratio - 1):+.1f}% (target: at most +5%)")
TURNS
