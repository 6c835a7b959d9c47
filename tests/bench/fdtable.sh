#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# fdtable.sh: the cost of N open sockets (fdtable.c) on pico and on kvm
# (TCG), next to Linux natively: nanoseconds to open each, to close and
# reopen the lowest descriptor while all are open, to poll() all of them
# once (microseconds per call), to close each, and the
# heap growth per socket (descriptor table, file and lwIP socket; the
# native figure is glibc's heap and means less).  Prints medians.
#
#   tests/bench/fdtable.sh [BUILD_DIR] [RUNS] [SOCKETS]
set -euo pipefail
build=${1:-build} runs=${2:-3} n=${3:-10000}
src=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/ingot-cc" --platform=pico -O2 -o "$work/pico" "$src/fdtable.c"
"$build/bin/ingot-cc" --platform=kvm -O2 -o "$work/kvm" "$src/fdtable.c"
gcc -O2 -o "$work/native" "$src/fdtable.c"

med() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf '%-12s %10s %12s %12s %10s %14s\n' where open_ns reopen_low_ns \
    poll_all_us close_ns heap_B/socket
for w in native pico kvm; do
    case $w in
    native) cmd=("$work/native" "$n") ;;
    pico) cmd=("$build/bin/ingot" run -m 512M "$work/pico" -- "$n") ;;
    kvm) cmd=("$build/bin/ingot" run --accel tcg -m 512M "$work/kvm" -- "$n") ;;
    esac
    : >"$work/out"
    for ((i = 0; i < runs; i++)); do
        "${cmd[@]}" | grep '^fdtable:' >>"$work/out"
    done
    col() { awk -v k="$1" '{for (i = 2; i < NF; i++) if ($i == k) print $(i+1)}' "$work/out" | med; }
    printf '%-12s %10s %12s %12s %10s %14s\n' "$w" "$(col open_ns_each)" \
        "$(col reopen_low_ns)" "$(col poll_all_us)" "$(col close_ns_each)" \
        "$(col heap_bytes_each)"
done
