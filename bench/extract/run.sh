#!/usr/bin/env bash
# Extraction benchmark: copies a 1 GiB file (contiguous, then fragmented) out of an ext4 image with
#   - pane image extract IMAGE PATH OUT: the published CLI (Release, ReadyToRun, apphost, as bench/startup builds it),
#   - the ExtractHarness console beside this script: Pane's reader in-process, copying through the file's stream,
#   - debugfs -R "dump PATH OUT",
#   - dd of the same 1 GiB straight from the raw image (the "cat" ceiling: no filesystem at all),
# side by side in one hyperfine run. Fair by construction: every command reads the same image with its page cache
# warm (the image is read once before, and hyperfine warms up), writes the same 1 GiB to a fresh file (the previous
# outputs are deleted before each run) in the same folder, WORK_DIR, so on the same filesystem as the images.
# Needs hyperfine (apt-get install -y hyperfine), mke2fs and debugfs.
# Usage: bench/extract/run.sh [WORK_DIR]   (about 8 GiB of scratch space; /dev/shm keeps the disk out of the figures)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/pane-bench-extract}
out=${BENCH_OUT_DIR:-$work}
runs=${BENCH_RUNS:-7}
mkdir -p "$work" "$out"

contiguous=$work/contiguous.img
fragmented=$work/fragmented.img
if [ ! -f "$contiguous" ]; then
    mkdir -p "$work/src-contiguous"
    head -c 1G /dev/urandom > "$work/src-contiguous/file"
    mke2fs -q -F -t ext4 -d "$work/src-contiguous" "$contiguous" 1300M
    rm -rf "$work/src-contiguous"
fi
if [ ! -f "$fragmented" ]; then
    # Fill the filesystem with 256 KiB files, free every other one, then write the 1 GiB file: the only free space
    # left is the 256 KiB gaps, so the file lands in some 4,000 extents (debugfs allocates the largest free ranges first).
    mkdir -p "$work/src-fragmented/filler"
    head -c 256K < <(yes filler) > "$work/filler"   # not zeros: mke2fs -d would store zeros as holes
    for i in $(seq 1 8400); do cp "$work/filler" "$work/src-fragmented/filler/f$i"; done
    mke2fs -q -F -t ext4 -O ^flex_bg -d "$work/src-fragmented" "$fragmented" 2300M
    rm -rf "$work/src-fragmented"
    for i in $(seq 1 2 8400); do echo "rm /filler/f$i"; done > "$work/rm.cmds"
    debugfs -w -f "$work/rm.cmds" "$fragmented" >/dev/null 2>&1
    head -c 1G /dev/urandom > "$work/payload"
    debugfs -w -R "write $work/payload /file" "$fragmented" >/dev/null 2>&1
    rm -f "$work/payload"
fi

dotnet build -c Release "$here/ExtractHarness" -v q -nologo >/dev/null
harness="$here/ExtractHarness/bin/Release/net10.0/ExtractHarness"
rid=$(dotnet --info | awk -F': *' '/^ *RID:/ { print $2; exit }')
dotnet publish "$root/src/Pane.Host/Pane.Host.csproj" -nologo -v:q -c Release -r "$rid" --self-contained false \
    -p:UseAppHost=true -o "$work/pane" >/dev/null
pane="$work/pane/pane"

for image in "$contiguous" "$fragmented"; do
    name=$(basename "$image" .img)
    extents=$(debugfs -R "ex /file" "$image" 2>/dev/null | awk 'NR > 1 && $1 == $2 "/"' | wc -l)
    first=$(debugfs -R "bmap /file 0" "$image" 2>/dev/null)
    echo "== $name: 1 GiB file in $extents leaf extents, first block $first"
    commands=(
        -n "pane image extract ($name)" "$pane image extract $image /file $out/cli.out"
        -n "pane-reader ($name)" "$harness $image /file $out/pane.out"
        -n "debugfs dump ($name)" "debugfs -R 'dump /file $out/debugfs.out' $image"
        -n "dd raw ($name)" "dd if=$image of=$out/dd.out bs=4M iflag=skip_bytes,count_bytes skip=$((first * 4096)) count=1G status=none"
    )
    cat "$image" >/dev/null
    hyperfine --warmup 1 --runs "$runs" --prepare "rm -f $out/cli.out $out/pane.out $out/debugfs.out $out/dd.out" \
        --export-markdown "$work/$name.md" --export-json "$work/$name.json" "${commands[@]}"
    "$pane" image extract "$image" /file "$out/cli.out" >/dev/null
    "$harness" "$image" /file "$out/pane.out" 2>/dev/null
    debugfs -R "dump /file $out/debugfs.out" "$image" 2>/dev/null
    cmp "$out/cli.out" "$out/debugfs.out"
    cmp "$out/pane.out" "$out/debugfs.out"
    rm -f "$out/pane.out" "$out/debugfs.out" "$out/dd.out" "$out/cli.out"
    python3 - "$work/$name.json" <<'PY'
import json, sys
r = {x["command"].split(" (")[0]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
pane, debugfs, dd = r["pane image extract"], r["debugfs dump"], r["dd raw"]
print(f"medians: pane {pane:.3f} s, debugfs {debugfs:.3f} s, dd {dd:.3f} s; "
      f"pane is {debugfs / pane:.2f}x debugfs's throughput (target >= 2) and {dd / pane:.2f}x dd's (target >= 0.7)")
PY
done
echo "Markdown tables: $work/contiguous.md $work/fragmented.md"
