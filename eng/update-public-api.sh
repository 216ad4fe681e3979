#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of a packable project from its current public surface.
# Usage: eng/update-public-api.sh src/Pane.Host
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh src/PROJECT}
echo '#nullable enable' > "$project_dir/PublicAPI.Unshipped.txt"
dotnet format analyzers "$project_dir"/*.csproj --diagnostics RS0016 --severity info >/dev/null
{ head -n 1 "$project_dir/PublicAPI.Unshipped.txt"; tail -n +2 "$project_dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$project_dir/PublicAPI.Unshipped.txt.sorted"
mv "$project_dir/PublicAPI.Unshipped.txt.sorted" "$project_dir/PublicAPI.Unshipped.txt"
