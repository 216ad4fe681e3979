#!/usr/bin/env bash
# Sets up a fresh machine and runs every test: system packages, test fixtures, build, unit and end-to-end tests,
# and the samples against the packed NuGet packages. Prints a closing 'N passed, N failed' line.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

eng/setup.sh
export PANE_TEST_CACHE=${PANE_TEST_CACHE:-$HOME/.cache/pane-tests}
export PANE_TEST_GUEST=$(tests/fixtures/guest/build-guest.sh)
tests/fixtures/fetch-e2fsprogs-images.sh >/dev/null
export PANE_TEST_DEBIAN_IMAGE=$(tests/fixtures/debian/build-debian-image.sh)

dotnet build Pane.sln -c Release -warnaserror
log=$(mktemp)
status=0
# Pack first: the samples build against the packages, and a test builds the recipe sample from them too.
samples/build.sh || status=1
dotnet test Pane.sln -c Release --no-build --filter "FullyQualifiedName!~NestedKvmTests" 2>&1 | tee "$log" || status=$?
# The native VMM under a real, nested KVM: alone, since beside the other boots 2 cores are not enough for its limit.
PANE_TEST_NESTED=$(tests/fixtures/nested/build-outer.sh) \
  dotnet test tests/Pane.Runtime.Native.Tests -c Release --no-build --filter "FullyQualifiedName~NestedKvmTests" 2>&1 | tee -a "$log" || status=1
# The Windows code (WHP, WHPX, wsl.exe, Win32 memory and firmware calls) is compiled on every run; the SDK takes a
# runtime identifier per project, not per solution.
for project in src/*/*.csproj; do
  dotnet build "$project" -c Release -r win-x64 -warnaserror -nologo -v:q || status=1
done

awk '
  /^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit $status
