#!/usr/bin/env bash
# Packs Pane into artifacts/packages, then builds the samples against those packages, as a third party would.
# Then proves the recipe plugin loads from $PANE_HOME/plugins/ by running the runtime-list sample over it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

dotnet pack Pane.sln -c Release

# Same version, new bits: drop the previous build of our own packages from the NuGet cache so restore takes these.
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
rm -rf "$packages/pane.abstractions" "$packages/pane.engine" "$packages/pane.host"

dotnet build samples/Pane.Samples.LxqtRecipe -c Release
dotnet build samples/Pane.Samples.RuntimeList -c Release

recipe_out=samples/Pane.Samples.LxqtRecipe/bin/Release/net10.0
if [ -e "$recipe_out/Pane.Abstractions.dll" ]; then
    echo "error: the recipe plugin ships its own Pane.Abstractions.dll" >&2
    exit 1
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/plugins/Pane.Samples.LxqtRecipe"
cp "$recipe_out"/* "$home/plugins/Pane.Samples.LxqtRecipe/"
output=$(dotnet samples/Pane.Samples.RuntimeList/bin/Release/net10.0/Pane.Samples.RuntimeList.dll "$home")
echo "$output"
grep -q '^recipe  lxqt: LXQt$' <<<"$output" || { echo "error: the LXQt recipe did not load from \$PANE_HOME/plugins" >&2; exit 1; }
echo "samples: built; the LXQt recipe loads from \$PANE_HOME/plugins"
