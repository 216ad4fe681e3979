#!/usr/bin/env bash
# Runs the native VMM's end-to-end test under a real, nested KVM: builds (or reuses) the Debian outer guest of
# tests/fixtures/nested, whose TCG-emulated AMD SVM gives kvm_amd, then runs NestedKvmTests alone. Needs root.
# eng/test.sh runs the same step after all the other tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

eng/setup.sh
export PANE_TEST_CACHE=${PANE_TEST_CACHE:-$HOME/.cache/pane-tests}
export PANE_TEST_GUEST=$(tests/fixtures/guest/build-guest.sh)
export PANE_TEST_NESTED=$(tests/fixtures/nested/build-outer.sh)
dotnet build tests/Pane.Runtime.Native.Tests -c Release -warnaserror
dotnet test tests/Pane.Runtime.Native.Tests -c Release --no-build --filter "FullyQualifiedName~NestedKvmTests"
