#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# boot.sh: hello's boot-to-exit time on microvm next to the VMM floor (a
# do-nothing PVH kernel on the same QEMU with the same options), measured
# side by side, interleaved, in one run.  Prints a Markdown table.
#
#   tests/bench/boot.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build} runs=${2:-20}
ingot=$build/bin/ingot hello=$build/apps/hello/hello
floor=$build/lib/ingot/bench/floor.elf
for f in "$ingot" "$hello" "$floor"; do
    [ -e "$f" ] || { echo "boot.sh: $f: missing; build first" >&2; exit 1; }
done

# The exact QEMU command `ingot run` uses for hello (printed shell-quoted,
# so the shell parses it back into words), and the same command with the
# do-nothing kernel in place of the image and no command line.
eval "hello_cmd=($("$ingot" run --accel tcg --dry-run "$hello"))"
floor_cmd=()
skip=0
for a in "${hello_cmd[@]}"; do
    if [ $skip = 1 ]; then skip=0; continue; fi
    case $a in
    -append) skip=1 ;;
    "$hello") floor_cmd+=("$floor") ;;
    *) floor_cmd+=("$a") ;;
    esac
done

# Each timed command must really boot: the floor stops through
# isa-debug-exit (QEMU status 1), hello through its exit record.
check() {
    local want=$1 got=$2 what=$3
    [ "$got" = "$want" ] ||
        { echo "boot.sh: $what exited $got, expected $want" >&2; exit 1; }
}

now() { date +%s%N; }
declare -a t_floor t_qemu t_run
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for ((i = 0; i < runs; i++)); do
    printf '\rboot.sh: run %d/%d' $((i + 1)) "$runs" >&2
    a=$(now); st=0; "${floor_cmd[@]}" </dev/null >/dev/null || st=$?; b=$(now)
    check 1 $st "floor"; t_floor+=($(((b - a) / 1000)))
    a=$(now); st=0; "${hello_cmd[@]}" </dev/null >"$tmp" || st=$?; b=$(now)
    grep -q "Hello from Ingot" "$tmp" || check hello-output none "QEMU hello"
    t_qemu+=($(((b - a) / 1000)))
    a=$(now); st=0; "$ingot" run --accel tcg "$hello" >/dev/null || st=$?
    b=$(now)
    check 0 $st "ingot run hello"; t_run+=($(((b - a) / 1000)))
done
echo >&2

stats() { # min median max in ms from microseconds
    printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {
        printf "%.1f %.1f %.1f", v[1]/1000, v[int((NR+1)/2)]/1000, v[NR]/1000}'
}
read -r fmin fmed fmax <<<"$(stats "${t_floor[@]}")"
read -r qmin qmed qmax <<<"$(stats "${t_qemu[@]}")"
read -r rmin rmed rmax <<<"$(stats "${t_run[@]}")"
size=$(stat -c %s "$hello")
load=$(size "$hello" | awk 'NR == 2 { print $1 + $2 }')
echo "| what | min ms | median ms | max ms | vs floor |"
echo "|---|---:|---:|---:|---:|"
echo "| do-nothing PVH kernel (VMM floor) | $fmin | $fmed | $fmax | 1.00x |"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
echo "| hello, same QEMU command | $qmin | $qmed | $qmax | $(ratio "$qmed" "$fmed") |"
echo "| hello via \`ingot run\` | $rmin | $rmed | $rmax | $(ratio "$rmed" "$fmed") |"
echo
echo "hello image: $size bytes on disk ($((size / 1024)) KiB), $load bytes"
echo "loaded (text + data); $runs runs each, interleaved, TCG,"
echo "microvm; $(nproc) cores, $(qemu-system-x86_64 --version | head -1)"
