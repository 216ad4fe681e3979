#!/usr/bin/env bash
# Native VMM versus bare QEMU with KVM, side by side inside the same nested-KVM outer guest, in one run.
#
#   bench/native/run.sh [ROUNDS]        (default 3; run as root: the outer guest is built with mmdebstrap)
#
# One more round goes first as a warm-up, printed but left out of the medians (PANE_BENCH_WARMUP=0 counts every
# round): the first native launch of a kernel unpacks it into Pane's cache, and each side's first boot reads its
# files from a cold page cache.
#
# This host's /dev/kvm cannot run ordinary guests, so both sides run in the outer guest of tests/fixtures/nested
# (booted under TCG with -cpu max; kvm_amd gives it a real KVM with nested paging). Each round boots the guest
# fixture with the same kernel, initramfs, memory (1024 MiB) and one vCPU, by
#   - bare `qemu-system-x86_64 -accel kvm -cpu host`, serial on stdio;
#   - `pane launch --runtime native` (the standalone publish of the host with its plugins, as in the README);
#   - with PANE_BENCH_SIDES="qemu-kvm native pane-qemu", also `pane launch --runtime qemu --accel kvm`, for reference;
# and times, from just before the process starts, the first userspace line (`Run /init`, or Pane's "initramfs
# started" milestone) and the login line. Prints every round and the medians; logs go to bench/native/results/.
# First, in the same outer guest, the exit-loop micro-benchmark (bench/native-exit-loop): exits per second.
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup=${PANE_BENCH_WARMUP:-1}
rounds=$(( ${1:-3} + warmup ))
sides=${PANE_BENCH_SIDES:-qemu-kvm native}
results=bench/native/results
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

outer=$(tests/fixtures/nested/build-outer.sh | tail -n 1)
# .NET with only AVX off, so it uses its ahead-of-time code as on any real host (the nested test turns every
# intrinsic off, which fails less often under the emulated nested KVM but starts 5-7 s slower; payload/run.sh).
tests/fixtures/nested/make-payload.sh "$work/payload" --publish --exit-loop --rounds "$rounds" --sides "$sides" \
  --dotnet-env "DOTNET_EnableAVX=0" >/dev/null
status=125
# An outer guest that stops before the payload's end (TCG's emulated SVM fails so now and then) gets one more try.
for try in 1 2; do
  [ "$status" -eq 125 ] || break
  [ "$try" -eq 1 ] || echo "bench/native: the outer guest stopped before the payload's end; one more try."
  rm -rf "$results"
  status=0
  PANE_TEST_NESTED=$outer PANE_NESTED_RESULTS=$results PANE_NESTED_LOG=$results.outer-serial.log \
    tests/fixtures/nested/run-nested.sh "$work/payload" > "$work/output" || status=$?
done
cp "$work/output" "$results.output" 2>/dev/null || true
grep -E '^(outer guest|RESULT |[0-9]+ port-write exits)' "$work/output" || true
if [ "$status" -ne 0 ]; then
  echo "bench/native: the nested run failed (exit $status):" >&2
  tail -n 40 "$work/output" >&2
  exit "$status"
fi

# The RESULT lines of a side's measured rounds (its retries included), after the warm-up.
measured() { { grep -E "^RESULT $1-[0-9]+" "$work/output" || true; } | awk -v warmup="$warmup" '{split($2, name, "-"); if (name[length(name) - (name[length(name)] ~ /^retry/)] + 0 > warmup) print}'; }
median() { sort -n | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
printf '\n%-34s %-28s %-28s %s\n' "runtime (1 vCPU, 1024 MiB)" "to Run /init, s (median)" "to login, s (median)" "rounds"
for side in qemu-kvm native pane-qemu; do
  lines=$(measured "$side")
  [ -n "$lines" ] || continue
  run_init=$(echo "$lines" | sed -n 's/.* run_init=\([0-9.]*\) .*/\1/p')
  login=$(echo "$lines" | sed -n 's/.* login=\([0-9.]*\) .*/\1/p')
  case $side in
    qemu-kvm) label="bare qemu -accel kvm -cpu host" ;;
    native) label="pane launch --runtime native" ;;
    *) label="pane launch --runtime qemu (kvm)" ;;
  esac
  printf '%-34s %-28s %-28s %s\n' "$label" "$(echo "$run_init" | median) ($(echo $run_init | tr ' ' ','))" \
    "$(echo "$login" | median) ($(echo $login | tr ' ' ','))" "$(echo "$lines" | wc -l), booted to MARK-42: $(echo "$lines" | grep -vc 'mark=-')"
done
[ "$warmup" -eq 0 ] || echo "(after $warmup warm-up round(s), printed above but not counted)"
native_init=$(measured native | sed -n 's/.* run_init=\([0-9.]*\) .*/\1/p' | median)
qemu_init=$(measured qemu-kvm | sed -n 's/.* run_init=\([0-9.]*\) .*/\1/p' | median)
if [ "$native_init" != - ] && [ "$qemu_init" != - ]; then
  awk -v n="$native_init" -v q="$qemu_init" 'BEGIN {printf "\nnative / bare QEMU, time to Run /init: %.2fx (target: at most 0.8x)\n", n / q}'
else
  echo
  echo "native: no boot to compare (see $results/native-*.log and the RESULT native lines in $results.output)."
fi
