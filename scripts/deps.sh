#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# deps.sh: install from Debian 12 what building and testing Ingot needs,
# skipping what is already installed.  Run as root or with sudo available.
set -euo pipefail

pkgs=(
    build-essential cmake pkg-config make   # host toolchain
    procps                                  # pgrep in the interrupt tests
    iproute2                                # ip: tap devices in the net tests
    clang lld clang-format                  # second compiler, style check
    libclang-rt-14-dev                      # libFuzzer, sanitizers (fuzz.sh)
    libelf-dev libjansson-dev libclang-dev  # ELF, JSON, source analysis
    libarchive-dev libssl-dev libseccomp-dev
    qemu-system-x86                         # the kvm platform's VMM (TCG/KVM)
    newlib-source xz-utils                  # libc source tarball, unpacker
    hyperfine runc                          # benchmarks (runc: container row)
    dpkg-dev                                # apt-get source (lwIP)
    curl wrk                                # network tests and benchmark
    dnsmasq-base                            # DHCP and DNS server in net tests
    skopeo umoci                            # OCI tests: independent readers
    gnuplot-nox cpio                        # ingot bench: plots, Linux VM initramfs
    autoconf automake libtool meson         # tests/buildsys: build systems
    tcl sqlite3 gzip                        # catalog: SQLite's generators, checks
    # ingot-runc through the engines (tests/runtime), each run privately
    podman conmon containerd docker.io containernetworking-plugins
    iptables busybox-static jq
    gdb gdbserver                           # ingot run --gdb, core files (docs/debugging.md)
    tzdata                                  # time zones: tests/posix/tzone.c, unit.tz
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

# lwIP comes from Debian's source package: a deb-src entry mirroring the
# binary one, then the .orig tarball into a cache the build looks in.
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
srcdir=/var/cache/ingot/src
lwip_orig=$srcdir/lwip_2.1.3+dfsg1.orig.tar.xz
src_list() {
    list=/etc/apt/sources.list.d/ingot-src.sources
    if [ ! -f "$list" ]; then
        printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' \
            'Suites: bookworm bookworm-updates' 'Components: main' \
            'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
            $sudo tee "$list" >/dev/null
    fi
    $sudo apt-get update -qq
}
if [ ! -f "$lwip_orig" ]; then
    src_list
    $sudo mkdir -p "$srcdir"
    (cd "$srcdir" && $sudo apt-get source -qq --download-only lwip=2.1.3+dfsg1-2)
fi
# The catalog's programs (apps/catalog/sources.lock): their source
# packages, the same way, each checked against its pinned SHA-256.
catalog_missing=0
while read -r app _ file _; do
    case $app in '#'* | '') continue ;; esac
    [ -f "$srcdir/$file" ] || catalog_missing=1
done <"$(dirname "$0")/../apps/catalog/sources.lock"
if [ "$catalog_missing" = 1 ]; then
    src_list
    $sudo mkdir -p "$srcdir"
fi
$sudo env INGOT_SRC_CACHE="$srcdir" sh "$(dirname "$0")/../apps/catalog/fetch.sh"

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
lpin=$(sed -n 's/^ *"\([0-9a-f]\{64\}\)")$/\1/p' "$here/toolchain/cmake/lwip.cmake")
got=$(sha256sum "$lwip_orig" | cut -d' ' -f1)
if [ "$got" != "$lpin" ]; then
    echo "deps: $lwip_orig: SHA-256 $got does not match the pinned $lpin" >&2
    exit 1
fi
echo "deps: all ${#pkgs[@]} packages present; newlib, lwIP and the catalog's tarballs match their pins"
