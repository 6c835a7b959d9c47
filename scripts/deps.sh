#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# deps.sh: install from Debian 12 what building and testing Ingot needs,
# skipping what is already installed.  Run as root or with sudo available.
set -euo pipefail

pkgs=(
    build-essential cmake pkg-config make   # host toolchain
    procps                                  # pgrep in the interrupt tests
    clang lld clang-format                  # second compiler, style check
    libelf-dev libjansson-dev libclang-dev  # ELF, JSON, source analysis
    libarchive-dev libssl-dev libseccomp-dev
    qemu-system-x86                         # the kvm platform's VMM (TCG/KVM)
    newlib-source xz-utils                  # libc source tarball, unpacker
    hyperfine runc                          # benchmarks (runc: container row)
    gnuplot-nox wrk cpio iproute2           # ingot bench: plots, HTTP load, initramfs, taps
)

missing=()
for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
        grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    sudo=
    [ "$(id -u)" = 0 ] || sudo=sudo
    echo "deps: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        --no-install-recommends "${missing[@]}" >/dev/null
fi

# The build verifies the pinned hash too; checking here names the problem
# before a long build starts.
here=$(cd "$(dirname "$0")/.." && pwd)
pin=$(sed -n 's/^ *"\([0-9a-f]\{64\}\)")$/\1/p' "$here/toolchain/cmake/newlib.cmake")
tarball=/usr/src/newlib/newlib-3.3.0.tar.xz
got=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$got" != "$pin" ]; then
    echo "deps: $tarball: SHA-256 $got does not match the pinned $pin" >&2
    exit 1
fi
echo "deps: all ${#pkgs[@]} packages present; newlib tarball matches its pin"
