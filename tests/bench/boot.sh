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
floor=$build/tests/bench/floor.elf
for f in "$ingot" "$hello" "$floor"; do
    [ -e "$f" ] || { echo "boot.sh: $f: missing; build first" >&2; exit 1; }
done

# The exact QEMU command `ingot run` uses for hello, and the same command
# with the do-nothing kernel in place of the image.
read -r -a hello_cmd <<<"$("$ingot" run --accel tcg --dry-run "$hello" |
    sed "s/'//g")"
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

now() { date +%s%N; }
declare -a t_floor t_qemu t_run
for ((i = 0; i < runs; i++)); do
    printf '\rboot.sh: run %d/%d' $((i + 1)) "$runs" >&2
    a=$(now); "${floor_cmd[@]}" >/dev/null 2>&1 || true; b=$(now)
    t_floor+=($(((b - a) / 1000)))
    a=$(now); "$ingot" run --accel tcg "$hello" >/dev/null; b=$(now)
    t_run+=($(((b - a) / 1000)))
done
echo >&2

stats() { # min median max in ms from microseconds
    printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {
        printf "%.1f %.1f %.1f", v[1]/1000, v[int((NR+1)/2)]/1000, v[NR]/1000}'
}
read -r fmin fmed fmax <<<"$(stats "${t_floor[@]}")"
read -r rmin rmed rmax <<<"$(stats "${t_run[@]}")"
size=$(stat -c %s "$hello")
echo "| what | min ms | median ms | max ms | vs floor |"
echo "|---|---:|---:|---:|---:|"
echo "| do-nothing PVH kernel (VMM floor) | $fmin | $fmed | $fmax | 1.00x |"
printf '| hello via `ingot run` | %s | %s | %s | %.2fx |\n' "$rmin" "$rmed" \
    "$rmax" "$(echo "$rmed / $fmed" | bc -l)"
echo
echo "hello image: $size bytes ($((size / 1024)) KiB); $runs runs each, TCG,"
echo "microvm; $(nproc) cores, $(qemu-system-x86_64 --version | head -1)"
