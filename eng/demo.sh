#!/usr/bin/env bash
# Pane's main job on a fresh machine: installs what it needs, builds pane, builds a small Linux guest image from
# Debian packages (tests/fixtures/guest), shows what pane reads out of it, and boots it to its login with
# `pane launch --headless`, which prints the boot timeline and powers the guest off through ACPI.
# Pass --keep-running to leave the guest running ('pane console' attaches, 'pane stop' stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eng/setup.sh
guest=$(tests/fixtures/guest/build-guest.sh)
dotnet build src/Pane.Host -c Release -nologo -v:q
pane=src/Pane.Host/bin/Release/net10.0/pane
export PANE_HOME=${PANE_HOME:-$HOME/.local/share/pane-demo}

echo "== pane runtimes"
"$pane" runtimes
echo
echo "== pane image info $guest/disk.raw"
"$pane" image info "$guest/disk.raw"
echo
if [ "${1:-}" = "--keep-running" ]; then
  echo "== pane launch --detach"
  exec "$pane" launch "$guest/disk.raw" --detach --cpus 2 --memory 1024
fi
echo "== pane launch --headless"
exec "$pane" launch "$guest/disk.raw" --headless --cpus 2 --memory 1024
