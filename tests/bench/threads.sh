#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# threads.sh: thread create+join and mutex/condvar ping-pong costs of the
# same program on pico, on kvm (TCG here) and natively on Linux (glibc
# pthreads, one core and two), side by side in one run.  Prints a table.
#
#   tests/bench/threads.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build} runs=${2:-5}
src=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/ingot-cc" --platform=pico -O2 -o "$work/pico" "$src/threads.c"
"$build/bin/ingot-cc" --platform=kvm -O2 -o "$work/kvm" "$src/threads.c"
gcc -O2 -pthread -o "$work/native" "$src/threads.c"

declare -A create pingpong
run() { # name command...
    local name=$1 c=() p=()
    shift
    for ((i = 0; i < runs; i++)); do
        printf '\rthreads.sh: %s %d/%d   ' "$name" $((i + 1)) "$runs" >&2
        read -r _ c1 n1 _ _ _ p1 _ < <("$@" | grep '^create+join')
        c+=("$c1"); p+=("$p1")
    done
    create[$name]=$(printf '%s\n' "${c[@]}" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
    pingpong[$name]=$(printf '%s\n' "${p[@]}" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
}
run "native, 1 core" taskset -c 0 "$work/native"
run "native, 2 cores" "$work/native"
run "pico" "$build/bin/ingot" run "$work/pico"
run "kvm (TCG)" "$build/bin/ingot" run --accel tcg "$work/kvm"
echo >&2

base=${create["native, 1 core"]} pbase=${pingpong["native, 1 core"]}
echo "| what | create+join ns | speed-up vs native 1 core | ping-pong round trip ns | speed-up vs native 1 core |"
echo "|---|---:|---:|---:|---:|"
for n in "native, 1 core" "native, 2 cores" "pico" "kvm (TCG)"; do
    awk -v n="$n" -v c="${create[$n]}" -v p="${pingpong[$n]}" -v b="$base" \
        -v pb="$pbase" 'BEGIN { printf "| %s | %d | %.1fx | %d | %.1fx |\n",
        n, c, b / c, p, pb / p }'
done
echo
echo "median of $runs runs of 2000 create+join and 20000 round trips each;"
echo "$(nproc) cores, $(uname -r)"
