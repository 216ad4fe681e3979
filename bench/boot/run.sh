#!/usr/bin/env bash
# Boot benchmark: `pane launch --headless --keep` (headless, returning once the login shows) of the guest fixture
# against the identical QEMU command line run bare, both to the same login milestone, side by side in one hyperfine run (median of RUNS, default 5).
#
#   bench/boot/run.sh [RUNS]
#
# The bare command line is the one pane itself ran, read back from /proc/<pid>/cmdline, so both sides boot the
# same machine. Each side ends by killing QEMU once the login shows, so neither pays for a shutdown.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
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
kill \$(cat "$state/qemu.pid")
while kill -0 \$(cat "$state/qemu.pid") 2>/dev/null; do sleep 0.05; done
rm -f "$state/machine.json"
PANE
chmod +x "$work/bare.sh" "$work/pane.sh"

hyperfine --runs "$runs" --warmup 1 --export-markdown "$work/result.md" --export-json "$work/result.json" \
  --command-name "pane launch --headless --keep (to login)" "$work/pane.sh" \
  --command-name "bare qemu, same command line (to login)" "$work/bare.sh"
cat "$work/result.md"
python3 - "$work/result.json" <<'MEDIANS'
import json, sys
pane, bare = (result["median"] for result in json.load(open(sys.argv[1]))["results"])
print(f"medians: pane {pane:.3f} s, bare {bare:.3f} s, overhead {pane - bare:+.3f} s = {100 * (pane - bare) / bare:+.1f}% of the bare boot")
MEDIANS
