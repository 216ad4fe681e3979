#!/usr/bin/env bash
# Pane's kernel unpacking against XZ Utils, on the same payload in the same run: the guest fixture's Debian kernel
# (tests/fixtures/guest), whose bzImage carries its vmlinux as XZ (LZMA2 with the x86 BCJ filter). Each round runs
#   - KernelUnpack (this folder): Pane's decoder, as the native runtime runs it before it keeps the vmlinux, timed
#     inside the process (decoding only: no .NET start-up, no file I/O);
#   - `xz -dc --single-stream` of the same payload to /dev/null, timed as a whole process;
# alternately, and prints each round and the medians.
#
#   bench/kernel-unpack/run.sh [ROUNDS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

guest=${PANE_TEST_GUEST:-}
if [ -z "$guest" ] || [ ! -f "$guest/vmlinuz" ]; then
  guest=$(tests/fixtures/guest/build-guest.sh | tail -n 1)
fi
dotnet publish bench/kernel-unpack/KernelUnpack.csproj -c Release -o "$work/bin" -nologo -v:q >&2

pane_ms=() xz_ms=()
for round in $(seq 1 "$rounds"); do
  line=$("$work/bin/KernelUnpack" "$guest/vmlinuz" "$work/payload.xz")
  pane_ms+=("$(echo "$line" | sed -n 's/.* in \([0-9.]*\) ms$/\1/p')")
  start=$(date +%s%N)
  xz -dc --single-stream "$work/payload.xz" > /dev/null
  xz_ms+=("$(( ($(date +%s%N) - start) / 1000000 ))")
  echo "round $round: $line; xz ${xz_ms[-1]} ms"
done

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
pane=$(median "${pane_ms[@]}") xz=$(median "${xz_ms[@]}")
awk -v p="$pane" -v x="$xz" 'BEGIN {printf "\nmedian: pane %.1f ms, xz %.1f ms; pane / xz: %.2fx\n", p, x, p / x}'
