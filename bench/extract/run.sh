#!/usr/bin/env bash
# Extraction benchmark: copies a 1 GiB file (contiguous, then fragmented) out of an ext4 image with
#   - Pane (`pane image extract IMAGE PATH OUT` when the CLI has it, else the ExtractHarness console beside this script),
#   - debugfs -R "dump PATH OUT",
#   - dd of the same number of bytes straight from the raw image (the ceiling: no filesystem at all),
# side by side in one hyperfine run (median of several runs, page cache warm). Needs hyperfine (apt-get install -y
# hyperfine), mke2fs and debugfs. Usage: bench/extract/run.sh [WORK_DIR]   (about 5 GiB of scratch space)
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
pane_dll="$root/src/Pane.Host/bin/Release/net10.0/pane.dll"
pane_cmd=""
if [ -f "$pane_dll" ] && dotnet "$pane_dll" image extract --help >/dev/null 2>&1; then
    pane_cmd="dotnet $pane_dll image extract"
fi

for image in "$contiguous" "$fragmented"; do
    name=$(basename "$image" .img)
    extents=$(debugfs -R "ex /file" "$image" 2>/dev/null | awk 'NR > 1 && $1 == $2 "/"' | wc -l)
    first=$(debugfs -R "bmap /file 0" "$image" 2>/dev/null)
    echo "== $name: 1 GiB file in $extents leaf extents, first block $first"
    commands=(
        -n "pane-reader ($name)" "$harness $image /file $out/pane.out"
        -n "debugfs dump ($name)" "debugfs -R 'dump /file $out/debugfs.out' $image"
        -n "dd raw ($name)" "dd if=$image of=$out/dd.out bs=4M iflag=skip_bytes,count_bytes skip=$((first * 4096)) count=1G status=none"
    )
    if [ -n "$pane_cmd" ]; then
        commands+=(-n "pane image extract ($name)" "$pane_cmd $image /file $out/cli.out")
    fi
    hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/$name.md" "${commands[@]}"
    cmp "$out/pane.out" "$out/debugfs.out"
    rm -f "$out/pane.out" "$out/debugfs.out" "$out/dd.out" "$out/cli.out"
done
echo "Markdown tables: $work/contiguous.md $work/fragmented.md"
