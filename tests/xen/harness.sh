#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# harness.sh: boots real Xen 4.17 with a PV Linux dom0 inside QEMU (TCG) and
# runs a batch of jobs in dom0, each typically an `xl create -F` of a guest.
#
#   harness.sh prepare            fetch, verify and unpack the pinned Debian
#                                 packages (debs.lock), build the dom0
#                                 initramfs; prints the cache directory
#   harness.sh run BATCH OUT      one Xen boot running every BATCH/jobs/*/cmd
#
# A job is a directory with a shell script `cmd`, run by busybox sh in dom0
# with the job directory as its working directory and /batch/bin (host
# binaries with their libraries, see `--bin`) on PATH; the rest of BATCH is
# at /batch too.  Dom0 has a bridge xenbr0 at 10.0.9.1/24 for vifs.  Its output and
# exit status land in OUT/<job>.out and OUT/<job>.rc; Xen's own log in
# OUT/xen.log, dom0's kernel log in OUT/dom0.log.
#
#   harness.sh run --bin FILE ... BATCH OUT   also copies host programs
#                                 (with their shared-library closure) in.
#
# Exits 77 with "SKIP: <reason>" when this machine cannot run Xen this way
# (no QEMU, packages not downloadable), 1 on a harness failure.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
lock=$here/debs.lock

skip() {
    echo "SKIP: $*"
    exit 77
}
die() {
    echo "xen-harness: $*" >&2
    exit 1
}

cache_dir() {
    local c=${INGOT_XEN_CACHE:-/var/cache/ingot/xen}
    if ! mkdir -p "$c" 2>/dev/null || [ ! -w "$c" ]; then
        c=${XDG_CACHE_HOME:-$HOME/.cache}/ingot/xen
        mkdir -p "$c" || die "cannot create a cache directory $c"
    fi
    echo "$c"
}

# Fetches every package of debs.lock into $cache and checks its SHA-256.
fetch_debs() {
    local pkg ver sum f
    while read -r pkg ver sum; do
        case $pkg in '#'* | '') continue ;; esac
        f=$cache/${pkg}_${ver/:/%3a}_amd64.deb
        if [ ! -f "$f" ]; then
            (cd "$cache" && apt-get download -qq "$pkg=$ver" >/dev/null 2>&1) ||
                skip "apt-get download $pkg=$ver failed (no archive access?)"
            [ -f "$f" ] || die "apt-get download did not produce $f"
        fi
        [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$sum" ] ||
            die "$f: SHA-256 does not match the pin in debs.lock"
        echo "$f" >>"$cache/debs.list.$$"
    done <"$lock"
    mv "$cache/debs.list.$$" "$cache/debs.list"
}

# Copies (file) and the shared libraries it needs into the tree (root).
# (libpath) lists where the unpacked packages keep theirs.
copy_closure() {
    local root=$1 libpath=$2 file=$3 lib
    for lib in $(LD_LIBRARY_PATH=$libpath ldd "$file" 2>/dev/null |
        sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^\t\(\/[^ ]*\) .*/\1/p'); do
        case $lib in
        */ld-linux-x86-64.so.2) cp -Ln "$lib" "$root/lib64/" ;;
        *) cp -Ln "$lib" "$root/lib/x86_64-linux-gnu/" ;;
        esac
    done
}

build_initramfs() {
    local debs=$1 out=$2 tree=$cache/tree.$$ root=$cache/root.$$
    local kver mod f
    rm -rf "$tree" "$root"
    mkdir -p "$tree" "$root"
    for f in $debs; do
        case $f in
        */linux-image-*)
            dpkg-deb --fsys-tarfile "$f" | tar -x -C "$tree" \
                --wildcards './boot/vmlinuz-*' \
                './lib/modules/*/kernel/drivers/xen/*' \
                './lib/modules/*/kernel/drivers/net/xen-netback/*' \
                './lib/modules/*/kernel/net/bridge/bridge.ko' \
                './lib/modules/*/kernel/net/802/stp.ko' \
                './lib/modules/*/kernel/net/llc/llc.ko'
            ;;
        *) dpkg-deb -x "$f" "$tree" ;;
        esac
    done
    zcat "$tree"/boot/xen-4.17-amd64.gz >"$cache/xen.elf"
    cp "$tree"/boot/vmlinuz-* "$cache/vmlinuz"

    mkdir -p "$root"/{bin,sbin,lib/x86_64-linux-gnu,lib64,lib/modules,etc/xen} \
        "$root"/{proc,sys,dev,run,tmp,var/lib/xen,var/log/xen/console,batch}
    cp "$tree"/bin/busybox "$root/bin/busybox"
    : >"$root/etc/xen/xl.conf" # xl warns without one
    local xbin=$tree/usr/lib/xen-4.17/bin
    local libpath=$tree/usr/lib/x86_64-linux-gnu
    # At Debian's paths: xl runs xenconsole from there for `create -c`.
    mkdir -p "$root/usr/lib/xen-4.17/bin"
    for f in xl xenstored xenconsoled xenconsole xen-init-dom0; do
        cp "$xbin/$f" "$root/usr/lib/xen-4.17/bin/$f"
        ln -s "/usr/lib/xen-4.17/bin/$f" "$root/sbin/$f"
        copy_closure "$root" "$libpath" "$xbin/$f"
    done
    for f in xenstore-write xenstore-read xenstore-ls; do
        [ -f "$tree/usr/bin/$f" ] || continue
        cp "$tree/usr/bin/$f" "$root/sbin/$f"
        copy_closure "$root" "$libpath" "$tree/usr/bin/$f"
    done
    # xl's threads need libgcc_s at pthread_exit (loaded with dlopen).
    cp -Ln /lib/x86_64-linux-gnu/libgcc_s.so.1 "$root/lib/x86_64-linux-gnu/"
    for mod in xen-evtchn xen-privcmd xenfs xen-gntdev xen-gntalloc \
        xen-netback llc stp bridge; do
        f=$(find "$tree/lib/modules" -name "$mod.ko" | head -n1)
        [ -n "$f" ] || die "module $mod missing from the kernel package"
        cp "$f" "$root/lib/modules/"
    done
    mkdir -p "$root/etc/xen/scripts"
    cp "$here/vif-bridge" "$root/etc/xen/scripts/vif-bridge"
    cp "$here/dom0-init.sh" "$root/init"
    chmod 755 "$root/init"
    (cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$out.tmp"
    mv "$out.tmp" "$out"
    rm -rf "$tree" "$root"
}

prepare() {
    command -v qemu-system-x86_64 >/dev/null ||
        skip "qemu-system-x86_64 is not installed"
    command -v apt-get >/dev/null || skip "no apt-get to fetch Xen with"
    for t in cpio gzip dpkg-deb ldd; do
        command -v $t >/dev/null || skip "$t is not installed"
    done
    cache=$(cache_dir)
    local debs key
    rm -f "$cache/debs.list.$$"
    fetch_debs
    debs=$(cat "$cache/debs.list")
    key=$(cat "$lock" "$here/dom0-init.sh" "$here/vif-bridge" "$0" |
        sha256sum | cut -c1-16)
    if [ ! -f "$cache/dom0-$key.cpio.gz" ] || [ ! -f "$cache/xen.elf" ]; then
        (
            flock 9
            [ -f "$cache/dom0-$key.cpio.gz" ] ||
                build_initramfs "$debs" "$cache/dom0-$key.cpio.gz"
        ) 9>"$cache/.lock"
    fi
    dom0=$cache/dom0-$key.cpio.gz
}

run() {
    local bins=()
    while [ "${1:-}" = --bin ]; do
        bins+=("$2")
        shift 2
    done
    [ $# = 2 ] || die "usage: harness.sh run [--bin FILE]... BATCH OUT"
    local batch=$1 out=$2 qemu_rc=0 budget
    prepare
    [ -d "$batch/jobs" ] || die "$batch/jobs: no such directory"
    mkdir -p "$out"
    stage=$(mktemp -d)
    trap 'rm -rf "$stage"' EXIT
    mkdir -p "$stage/batch/bin" "$stage/batch/lib/x86_64-linux-gnu" \
        "$stage/batch/lib64"
    cp -r "$batch/." "$stage/batch/"
    for f in "${bins[@]}"; do
        cp -L "$f" "$stage/batch/bin/"
        copy_closure "$stage/batch" "" "$f"
    done
    (cd "$stage" && find batch | cpio -o -H newc --quiet) >"$stage/batch.cpio"
    # Linux unpacks concatenated archives, each starting 4-byte aligned.
    cp "$dom0" "$stage/initrd"
    truncate -s %512 "$stage/initrd"
    cat "$stage/batch.cpio" >>"$stage/initrd"

    # Boot ~15 s, each job well under 30 s; the whole run is bounded.
    budget=$((600 + 180 * $(ls "$batch/jobs" | wc -l)))
    timeout -s KILL $budget qemu-system-x86_64 -accel tcg -M pc \
        -cpu max,-smap -m 1024 -smp 1 -nodefaults -display none \
        -no-reboot -serial "file:$stage/com1" -serial "file:$out/xen.log" \
        -kernel "$cache/xen.elf" \
        -append "com2=115200,8n1 console=com2 loglvl=all guest_loglvl=all dom0_mem=512M,max:512M noreboot" \
        -initrd "$cache/vmlinuz console=hvc0 loglevel=4 quiet,$stage/initrd" ||
        qemu_rc=$?
    tr -d '\r' <"$stage/com1" >"$out/com1.log"
    # Split COM1 into the jobs' outputs: "@@job NAME" ... "@@rc NAME N".
    awk -v out="$out" '
        /^@@job / { name = $2; f = out "/" name ".out"; printf "" > f; next }
        /^@@rc / { print $3 > (out "/" $2 ".rc"); close(f); f = ""; next }
        /@@end$/ { sub(/@@end$/, ""); if ($0 != "") print >> f; next }
        /^@@dom0 / { print substr($0, 8) >> (out "/dom0.log"); next }
        f != "" { print >> f }
    ' "$out/com1.log"
    grep -q '^@@done' "$out/com1.log" ||
        die "the Xen run did not finish (QEMU status $qemu_rc); see $out/xen.log and $out/com1.log"
}

case ${1:-} in
prepare) prepare && echo "$cache" ;;
run) shift && run "$@" ;;
*) die "usage: harness.sh prepare | run [--bin FILE]... BATCH OUT" ;;
esac
