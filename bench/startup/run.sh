#!/usr/bin/env bash
# Start-up benchmark of the pane CLI against a hello-world .NET console app built the same way, for both ways pane is
# built for users: framework-dependent (the .NET tool, on an installed .NET) and standalone (self-contained, the
# framework and pane compiled ahead of time into one composite ReadyToRun image).
# Usage: bench/startup/run.sh [runs]   (default 10 runs of each command, after 3 warm-up runs)
# Needs: the .NET SDK and python3.
set -euo pipefail

runs=${1:-10}
repo=$(cd "$(dirname "$0")/../.." && pwd)
bench="$repo/bench/startup"
out=${PANE_BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/pane-bench-startup.XXXXXX")}
rid=$(dotnet --info | awk -F': *' '/^ *RID:/ { print $2; exit }')

# The start-up properties of the host, read from its project and given to hello-world as well.
startup_properties=(TieredCompilation TieredPGO TieredCompilationQuickJitForLoops InvariantGlobalization
    UseSystemResourceKeys ConcurrentGarbageCollection EventSourceSupport PublishReadyToRun AutoreleasePoolSupport)
host_project="$repo/src/Pane.Host/Pane.Host.csproj"
property_args=()
for name in "${startup_properties[@]}"; do
    value=$(dotnet msbuild "$host_project" -nologo -getProperty:"$name" -p:Configuration=Release -p:RuntimeIdentifier="$rid")
    if [[ -n "$value" ]]; then
        property_args+=("-p:$name=$value")
    fi
done

# Extra properties for both builds, to measure one setting against the others: PANE_BENCH_PROPERTIES="-p:TieredPGO=true".
read -r -a extra_args <<< "${PANE_BENCH_PROPERTIES:-}"
property_args+=("${extra_args[@]}")

# The two ways pane is built for users; PANE_BENCH_BUILDS="framework-dependent" measures one.
declare -A build_args=(
    [framework-dependent]="--self-contained false"
    [standalone]="--self-contained true -p:PublishReadyToRunComposite=true"
)
read -r -a builds <<< "${PANE_BENCH_BUILDS:-framework-dependent standalone}"

echo "Start-up properties: ${property_args[*]:-(none)}"
publish() {
    local project=$1 build=$2 destination=$3
    read -r -a distribution <<< "${build_args[$build]}"
    # A build tree of its own, so that nothing compiled for another configuration is reused.
    dotnet publish "$project" -nologo -v:q -c Release -r "$rid" "${distribution[@]}" -p:UseAppHost=true \
        --artifacts-path "$out/$build/artifacts" "${property_args[@]}" -o "$destination" >/dev/null
}

home="$out/home"
mkdir -p "$home"
export PANE_HOME="$home"
for build in "${builds[@]}"; do
    echo "Building $build (Release, $rid, ${build_args[$build]}) into $out/$build"
    publish "$bench/hello/Hello.csproj" "$build" "$out/$build/hello"
    publish "$host_project" "$build" "$out/$build/pane"
    pane="$out/$build/pane/pane"
    "$pane" runtimes >/dev/null 2>&1 || { echo "pane runtimes failed:" >&2; "$pane" runtimes; exit 1; }

    echo
    echo "$build ($runs interleaved rounds after 3 warm-up rounds):"
    python3 - "$runs" "$out/$build/hello/hello" "$pane" <<'PY'
# Interleaved: each round runs every command once, so a machine whose speed drifts during the run slows them alike.
import resource, statistics, subprocess, sys, time
runs, hello, pane = int(sys.argv[1]), sys.argv[2], sys.argv[3]
commands = {"hello": [hello], "pane --version": [pane, "--version"], "pane plugins": [pane, "plugins"],
            "pane runtimes": [pane, "runtimes"]}
targets = {"pane --version": 1.5, "pane runtimes": 3.0}
wall = {name: [] for name in commands}
cpu = {name: [] for name in commands}
for round_index in range(3 + runs):
    for name, argv in commands.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if round_index >= 3:
            wall[name].append(elapsed * 1000)
            cpu[name].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
floor, floor_cpu = statistics.median(wall["hello"]), statistics.median(cpu["hello"])
print(f"{'command':<16}{'median ms':>10}{'min ms':>9}{'max ms':>9}{'x hello':>9}{'cpu ms':>9}{'x hello':>9}  target (on the median)")
for name in commands:
    median, median_cpu = statistics.median(wall[name]), statistics.median(cpu[name])
    ratio = median / floor
    target = targets.get(name)
    verdict = "" if target is None else f"<= {target}x {'met' if ratio <= target else 'MISSED'}"
    print(f"{name:<16}{median:>10.1f}{min(wall[name]):>9.1f}{max(wall[name]):>9.1f}{ratio:>9.2f}"
          f"{median_cpu:>9.1f}{median_cpu / floor_cpu:>9.2f}  {verdict}")
PY
done
echo
echo "cpu ms: median user+system CPU time per run, which a busy machine disturbs less than wall-clock time."
