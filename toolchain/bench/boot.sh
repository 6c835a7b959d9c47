#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# boot.sh: `ingot bench boot`: exec-to-exit of hello every way, interleaved.
#
# Rows (ID: what): native: apps/hello/hello.c built with gcc -static;
# pico-direct: the pico image run by the tender directly; pico: the same
# through `ingot run`; runc: the native binary under `runc run`; floor: a
# do-nothing PVH kernel on hello's exact QEMU command (the VMM floor); kvm:
# hello through `ingot run`; linux-vm: Debian's kernel with the native hello
# as /init on the same QEMU.  Then entry-to-main inside the guest, from the
# libos's INGOT_BOOTTIME=1 line, on pico and kvm.
source "$(dirname "$0")/lib.sh"

runs=$INGOT_BENCH_RUNS
bench_init boot $((runs + 3))
# Debian's cloud kernel from bookworm (main, not -security, so the version
# stays downloadable), pinned by version and SHA-256.
linux_pkg=linux-image-6.1.0-50-cloud-amd64
linux_ver=6.1.176-1
linux_sha=efe19f605b6f54a8352e68d85a629abb2d30b72a085faef603a9152590baa791
linux_mem=256M # it needs more than hello's 64M to unpack itself

w=$bench_work
src=$bench_dir/apps/hello
bench_step "building hello for kvm, pico and natively"
"$INGOT_CC" --platform=kvm -O2 -o "$w/hello-kvm" "$src/hello.c"
"$INGOT_CC" --platform=pico -O2 -o "$w/hello-pico" "$src/hello.c"
have_gcc_static=1
if ! gcc -static -O2 -o "$w/hello-native" "$src/hello.c" 2>"$w/gcc.log"; then
    have_gcc_static=0
    native_why="gcc -static failed: $(head -1 "$w/gcc.log")"
fi

# The exact commands `ingot run` uses, parsed back into words.
eval "kvm_cmd=($("$INGOT" run --accel "$INGOT_BENCH_ACCEL" --dry-run \
    "$w/hello-kvm" 2>/dev/null))"
eval "tender_cmd=($("$INGOT" run --dry-run "$w/hello-pico"))"
accel=$(bench_kvm_accel "$w/hello-kvm")
# The floor: hello's QEMU command with the do-nothing kernel and no -append.
floor_cmd=() skip=0
for a in "${kvm_cmd[@]}"; do
    if [ $skip = 1 ]; then skip=0; continue; fi
    case $a in
    -append) skip=1 ;;
    "$w/hello-kvm") floor_cmd+=("$bench_dir/floor.elf") ;;
    *) floor_cmd+=("$a") ;;
    esac
done

# The Linux VM: the floor's command with Debian's kernel, an initramfs
# holding the native hello as /init, more memory and the auto command line.
bench_step "Linux VM: kernel and initramfs"
linux_why=
if [ "$INGOT_BENCH_QUICK" = 1 ]; then
    linux_why="--quick (a Linux boot under TCG takes seconds)"
elif [ $have_gcc_static = 0 ]; then
    linux_why=$native_why
elif ! command -v cpio >/dev/null; then
    linux_why="cpio not installed (scripts/deps.sh)"
else
    kdir=$INGOT_BENCH_CACHE/linux
    deb=$kdir/${linux_pkg}_${linux_ver}_amd64.deb
    vmlinuz=$kdir/root/boot/vmlinuz-${linux_pkg#linux-image-}
    mkdir -p "$kdir"
    if [ ! -e "$deb" ]; then
        bench_note "downloading Debian's $linux_pkg $linux_ver (26 MB, once) into $kdir"
        (cd "$kdir" && apt-get download -q "$linux_pkg=$linux_ver") \
            >"$w/apt.log" 2>&1 || linux_why="apt-get download $linux_pkg=$linux_ver failed: $(grep -m1 '^E:' "$w/apt.log")"
    fi
    if [ -z "$linux_why" ]; then
        got=$(sha256sum "$deb" | cut -d' ' -f1)
        if [ "$got" != "$linux_sha" ]; then
            linux_why="$deb: SHA-256 $got, not the pinned $linux_sha"
            rm -f "$deb"
        elif [ ! -e "$vmlinuz" ]; then
            rm -rf "$kdir/root"
            dpkg-deb -x "$deb" "$kdir/root"
        fi
    fi
    if [ -z "$linux_why" ]; then
        mkdir -p "$w/initramfs"
        gcc -static -O2 -Dmain=ingot_bench_hello -c -o "$w/hello.o" \
            "$src/hello.c"
        gcc -static -O2 -o "$w/initramfs/init" "$bench_dir/linux_init.c" \
            "$w/hello.o"
        (cd "$w/initramfs" && echo init | cpio -o -H newc --quiet) \
            >"$w/initramfs.cpio"
        linux_cmd=() skip=0
        for a in "${floor_cmd[@]}"; do
            if [ $skip = 1 ]; then skip=0; continue; fi
            case $a in
            -m) skip=1; linux_cmd+=(-m "$linux_mem") ;;
            -M | -machine) skip=1; linux_cmd+=(-M microvm,acpi=off) ;;
            "$bench_dir/floor.elf") linux_cmd+=("$vmlinuz") ;;
            *) linux_cmd+=("$a") ;;
            esac
        done
        linux_cmd+=(-initrd "$w/initramfs.cpio" -append
            "console=ttyS0 quiet panic=-1 rdinit=/init")
    fi
fi

runc_why=
if bench_have_runc; then
    if [ $have_gcc_static = 1 ]; then
        bench_runc_bundle "$w/bundle" "$w/hello-native"
        # One untimed run: a runc that cannot work here (no cgroups, in a
        # container) is a missing prerequisite, not a failed benchmark.
        if ! runc run -b "$w/bundle" "ingot-bench-$$-probe" </dev/null \
            >"$w/runc.log" 2>&1; then
            runc_why="runc run failed: $(tail -1 "$w/runc.log")"
        fi
    else
        runc_why=$native_why
    fi
else
    runc_why=$bench_runc_why
fi
qemu_why=
command -v "${kvm_cmd[0]:-qemu-system-x86_64}" >/dev/null ||
    qemu_why="${kvm_cmd[0]:-qemu-system-x86_64}: not installed"
if [ -n "${linux_cmd+x}" ] && [ -z "$qemu_why" ] &&
    ! "${linux_cmd[@]}" </dev/null >"$w/linux.log" 2>&1; then
    linux_why="the Linux VM did not boot: $(tail -1 "$w/linux.log")"
    unset linux_cmd
fi

# timed ID WANT_STATUS COMMAND...: one run, its time appended to t[ID];
# the output must be hello's, or the run (and the suite) fails.
declare -A t
timed() {
    local id=$1 want=$2 a st=0 ms
    shift 2
    a=$(bench_us)
    "$@" </dev/null >"$w/out" 2>&1 || st=$?
    ms=$(bench_ms_since "$a")
    if [ "$st" != "$want" ] ||
        { [ "$id" != floor ] && ! grep -q "Hello from Ingot" "$w/out"; }; then
        echo "ingot bench boot: $id: exited $st (expected $want):" >&2
        tail -5 "$w/out" >&2
        exit 1
    fi
    t[$id]+="$ms "
}
declare -A entry
boottime() { # ID COMMAND...: the guest's own entry-to-main, in ms
    local id=$1 ns
    shift
    "$@" -e INGOT_BOOTTIME=1 "$w/hello-$id" </dev/null >"$w/out" 2>&1 || true
    ns=$(sed -n 's/^ingot: boottime \([0-9]*\) ns.*/\1/p' "$w/out")
    if [ -z "$ns" ]; then
        echo "ingot bench boot: $id: no boottime line:" >&2
        tail -5 "$w/out" >&2
        exit 1
    fi
    entry[$id]+="$(awk -v n="$ns" 'BEGIN { printf "%.3f", n / 1e6 }') "
}

for ((i = 1; i <= runs; i++)); do
    bench_step "round $i/$runs: native, pico, runc, floor, kvm${linux_cmd:+, Linux VM}"
    [ $have_gcc_static = 1 ] && timed native 0 "$w/hello-native"
    timed pico-direct 0 "${tender_cmd[@]}"
    timed pico 0 "$INGOT" run "$w/hello-pico"
    [ -z "$runc_why" ] && timed runc 0 runc run -b "$w/bundle" "ingot-bench-$$-$i"
    if [ -z "$qemu_why" ]; then
        timed floor 1 "${floor_cmd[@]}"
        timed kvm 0 "$INGOT" run --accel "$INGOT_BENCH_ACCEL" "$w/hello-kvm"
        [ -n "${linux_cmd+x}" ] && timed linux-vm 0 "${linux_cmd[@]}"
        boottime kvm "$INGOT" run --accel "$INGOT_BENCH_ACCEL"
    fi
    boottime pico "$INGOT" run
done

bench_step "writing results"
row() { # ID LABEL [NOTE]
    # shellcheck disable=SC2086 # the samples are space-separated on purpose
    bench_samples "$1" "$2" exec_to_exit ms "" "${3:-}" ${t[$1]}
}
if [ $have_gcc_static = 1 ]; then
    row native "native process (gcc -static)"
else
    bench_skip native "native process (gcc -static)" exec_to_exit ms "$native_why"
fi
row pico-direct "pico, tender directly"
row pico "pico (ingot run)"
if [ -z "$runc_why" ]; then
    row runc "container (runc run, native hello)"
else
    bench_skip runc "container (runc run, native hello)" exec_to_exit ms "$runc_why"
fi
if [ -z "$qemu_why" ]; then
    row floor "do-nothing PVH kernel (VMM floor)" "same QEMU command as kvm, $accel"
    row kvm "kvm microvm (ingot run)" "$accel"
else
    bench_skip floor "do-nothing PVH kernel (VMM floor)" exec_to_exit ms "$qemu_why"
    bench_skip kvm "kvm microvm (ingot run)" exec_to_exit ms "$qemu_why"
    linux_why=$qemu_why
fi
if [ -n "${linux_cmd+x}" ] && [ -z "$qemu_why" ]; then
    row linux-vm "Linux VM (Debian cloud kernel)" \
        "$linux_pkg $linux_ver, initramfs, same QEMU, -m $linux_mem, $accel"
else
    bench_skip linux-vm "Linux VM (Debian cloud kernel)" \
        exec_to_exit ms "$linux_why"
fi
# shellcheck disable=SC2086
bench_samples pico-entry "pico, inside the guest" entry_to_main ms "" \
    "platform entry to main" ${entry[pico]}
if [ -z "$qemu_why" ]; then
    # shellcheck disable=SC2086
    bench_samples kvm-entry "kvm, inside the guest" entry_to_main ms "" \
        "platform entry to main, $accel" ${entry[kvm]}
else
    bench_skip kvm-entry "kvm, inside the guest" entry_to_main ms "$qemu_why"
fi
