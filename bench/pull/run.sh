#!/usr/bin/env bash
# Pull benchmark: `pane image pull URL#sha256=HEX` of a SIZE_MIB image (default 1536 MiB) from a loopback server,
# against `curl -o FILE URL && sha256sum FILE`, side by side in one hyperfine run (median of RUNS, default 5).
#
#   bench/pull/run.sh [RUNS] [SIZE_MIB]
#
# Both sides fetch the same file from the same server (serve.py, sendfile with Range support), write it to the same
# disk and hash it. Before each run the previous copy is deleted, so each run downloads the whole file. Pane's side
# includes its process start-up, plugin loading, and the rename and metadata write into the image store.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
size_mib=${2:-1536}
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
dotnet build src/Pane.Host -c Release -nologo -v:q >/dev/null
pane=$PWD/src/Pane.Host/bin/Release/net10.0/pane
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server; rm -rf "$work"' EXIT
export PANE_HOME=$work/home

# Incompressible content, so neither side can win by luck of the data.
head -c "$((size_mib << 20))" /dev/urandom > "$work/image.raw"
sha=$(sha256sum "$work/image.raw" | cut -d' ' -f1)
python3 bench/pull/serve.py "$work/image.raw" "$work/port" &
server=$!
until [ -s "$work/port" ]; do sleep 0.05; done
url="http://127.0.0.1:$(cat "$work/port")/images/bench.raw"

hyperfine --runs "$runs" --warmup 1 --export-markdown "$work/result.md" \
  --prepare "rm -rf '$PANE_HOME/images'" \
  --command-name "pane image pull (download + SHA-256 in one pass)" \
  "'$pane' image pull '$url#sha256=$sha' --name bench" \
  --prepare "rm -f '$work/curl.raw'" \
  --command-name "curl -o FILE URL && sha256sum FILE" \
  "curl -sS -o '$work/curl.raw' '$url' && sha256sum '$work/curl.raw'"
cat "$work/result.md"
