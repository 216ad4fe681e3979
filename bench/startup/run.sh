#!/usr/bin/env bash
# Start-up benchmark of the pane CLI against a hello-world .NET console app built the same way.
# Usage: bench/startup/run.sh [runs]   (default 10 runs of each command, after 3 warm-up runs)
# Needs: the .NET SDK, hyperfine (apt-get install -y hyperfine), python3.
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

echo "Building (Release, framework-dependent apphost, $rid) into $out"
echo "Start-up properties: ${property_args[*]:-(none)}"
publish() {
    dotnet publish "$1" -nologo -v:q -c Release -r "$rid" --self-contained false -p:UseAppHost=true \
        "${property_args[@]}" -o "$2" >/dev/null
}
publish "$bench/hello/Hello.csproj" "$out/hello"
publish "$host_project" "$out/pane"

home="$out/home"
mkdir -p "$home"
export PANE_HOME="$home"
"$out/pane/pane" runtimes >/dev/null 2>&1 || { echo "pane runtimes failed:" >&2; "$out/pane/pane" runtimes; exit 1; }

hyperfine --style basic --shell=none --warmup 3 --runs "$runs" --export-json "$out/results.json" \
    -n hello "$out/hello/hello" \
    -n "pane --version" "$out/pane/pane --version" \
    -n "pane plugins" "$out/pane/pane plugins" \
    -n "pane runtimes" "$out/pane/pane runtimes" >/dev/null

python3 - "$out/results.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor = results["hello"]
targets = {"pane --version": 1.5, "pane runtimes": 3.0}
cpu = lambda r: r["user"] + r["system"]
print(f"{'command':<16}{'median ms':>10}{'min ms':>9}{'max ms':>9}{'x hello':>9}{'cpu ms':>9}{'x hello':>9}  target (on the median)")
for name, r in results.items():
    ratio = r["median"] / floor["median"]
    target = targets.get(name)
    verdict = "" if target is None else f"<= {target}x {'met' if ratio <= target else 'MISSED'}"
    print(f"{name:<16}{r['median']*1000:>10.1f}{r['min']*1000:>9.1f}{r['max']*1000:>9.1f}{ratio:>9.2f}"
          f"{cpu(r)*1000:>9.1f}{cpu(r)/cpu(floor):>9.2f}  {verdict}")
print("cpu ms: mean user+system CPU time per run, which a busy machine disturbs less than wall-clock time.")
PY
