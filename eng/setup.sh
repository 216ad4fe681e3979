#!/usr/bin/env bash
# Installs the system packages Pane's build, tests and main job need on Debian/Ubuntu (as root, or through sudo).
# The .NET 10 SDK is expected on PATH.
set -euo pipefail

packages=(
  qemu-system-x86   # qemu-system-x86_64: the QEMU runtime and the end-to-end tests
  qemu-utils        # qemu-img: overlays, user disks, qcow2 test images
  e2fsprogs         # mke2fs and debugfs: ext4 test corpus and its reference reader
  fdisk             # sfdisk: partition tables of test images
  busybox-static    # the test guest's userland (also downloaded as a package by the fixture builder)
  cpio              # the test guest's initramfs
  xz-utils          # xz: the reference compressor the native VMM's XZ decoder is tested against
  kmod              # depmod/modprobe -d: module dependencies for the initramfs
  dpkg-dev          # dpkg-source: unpacks e2fsprogs' source for its corrupted test images
  python3           # small helpers in test fixtures
  acpica-tools      # iasl: disassembles the native VMM's ACPI tables in its tests
  mmdebstrap        # the debian image source builds its image with it (its end-to-end test; also the nested-KVM outer guest)
  uidmap            # newuidmap/newgidmap: mmdebstrap --mode=unshare as an ordinary user
)

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is not on PATH; install it first (https://dot.net)." >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: installed ${missing[*]}"
